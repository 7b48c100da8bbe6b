import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaOutput
import ReputaPipeline
import ReputaStore

struct FlagsAck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge a flag: someone is on it. It stays unresolved until answered or resolved.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: FlagStep

    func run() throws {
        try guarded {
            let actor = try step.record(.ack, global).actor
            Console.out("flag \(step.id) acknowledged by \(TerminalText.visible(actor))\n")
            return .ok
        }
    }
}
