import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaOutput
import ReputaPipeline
import ReputaStore

struct FlagsReopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a resolved flag: it needs an answer again (its resolution is cleared, the history kept).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: FlagStep

    @Option(help: ArgumentHelp("Why.", valueName: "text"))
    var note: String = ""

    func run() throws {
        try guarded {
            let flag = try step.record(.reopen(note: note), global).flag
            Console.out(flag.status == .resolved ? "flag \(step.id) reopened\n" : "flag \(step.id) was not resolved (\(flag.status.rawValue)); noted\n")
            return .ok
        }
    }
}
