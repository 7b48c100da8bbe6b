import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaStore

struct FlagsAck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge a flag: someone is on it. It stays unresolved until answered or resolved.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The flag's number.")
    var id: Int64

    @Option(help: ArgumentHelp("Who acknowledges (default: $REPUTA_USER, else $USER).", valueName: "name"))
    var by: String?

    func run() throws {
        try guarded {
            let store = try global.openStore(try global.optionalConfig())
            _ = try global.existingFlag(id, in: store)
            _ = try store.updateFlag(id: id, action: .ack, actor: global.actor(by), at: Clock.now())
            Console.out("flag \(id) acknowledged by \(global.actor(by))\n")
            return .ok
        }
    }
}
