import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaOutput
import ReputaPipeline
import ReputaStore

struct FlagsComment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Add a note to a flag's history without changing its state (called the customer, waiting for the manager…).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: FlagStep

    @Option(help: ArgumentHelp("The note.", valueName: "text"))
    var note: String

    func validate() throws {
        if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--note is empty") }
    }

    func run() throws {
        try guarded {
            let actor = try step.record(.comment(note: note), global).actor
            Console.out("flag \(step.id): note added by \(TerminalText.visible(actor))\n")
            return .ok
        }
    }
}
