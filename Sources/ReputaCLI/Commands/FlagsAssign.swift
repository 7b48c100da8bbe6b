import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaOutput
import ReputaPipeline
import ReputaStore

struct FlagsAssign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign a flag to someone.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: FlagStep

    @Option(help: ArgumentHelp("Who will answer it.", valueName: "name"))
    var to: String

    func validate() throws {
        guard !to.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--to needs a name") }
    }

    func run() throws {
        try guarded {
            _ = try step.record(.assign(to: to), global)
            Console.out("flag \(step.id) assigned to \(TerminalText.visible(to))\n")
            return .ok
        }
    }
}
