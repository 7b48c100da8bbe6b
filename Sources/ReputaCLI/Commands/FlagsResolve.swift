import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaOutput
import ReputaPipeline
import ReputaStore

struct FlagsResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a flag by hand (answered privately, not a real complaint…). A public reply resolves it by itself.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: FlagStep

    @Option(help: ArgumentHelp("What was done.", valueName: "text"))
    var note: String = ""

    func run() throws {
        try guarded {
            _ = try step.record(.resolve(note: note), global)
            Console.out("flag \(step.id) resolved\n")
            return .ok
        }
    }
}
