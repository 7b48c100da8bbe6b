import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaStore

struct FlagsAssign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign a flag to someone.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The flag's number.")
    var id: Int64

    @Option(help: ArgumentHelp("Who will answer it.", valueName: "name"))
    var to: String

    @Option(help: ArgumentHelp("Who assigns (default: $REPUTA_USER, else $USER).", valueName: "name"))
    var by: String?

    func validate() throws {
        guard !to.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--to needs a name") }
    }

    func run() throws {
        try guarded {
            let store = try global.openStore(try global.optionalConfig())
            _ = try global.existingFlag(id, in: store)
            _ = try store.updateFlag(id: id, action: .assign(to: to), actor: global.actor(by), at: Clock.now())
            Console.out("flag \(id) assigned to \(to)\n")
            return .ok
        }
    }
}
