import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaStore

struct FlagsResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a flag by hand (answered privately, not a real complaint…). A public reply resolves it by itself.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The flag's number.")
    var id: Int64

    @Option(help: ArgumentHelp("What was done.", valueName: "text"))
    var note: String = ""

    @Option(help: ArgumentHelp("Who resolves (default: $REPUTA_USER, else $USER).", valueName: "name"))
    var by: String?

    func run() throws {
        try guarded {
            let store = try global.openStore(try global.optionalConfig())
            _ = try global.existingFlag(id, in: store)
            _ = try store.updateFlag(id: id, action: .resolve(note: note), actor: global.actor(by), at: Clock.now())
            Console.out("flag \(id) resolved\n")
            return .ok
        }
    }
}
