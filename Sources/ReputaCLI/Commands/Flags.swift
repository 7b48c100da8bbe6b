import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaOutput
import ReputaStore

/// `reputa flags`: the on-call view of flagged reviews, and the workflow steps.
struct Flags: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List flagged reviews that need an answer, and work them: show, ack, assign, comment, resolve, reopen.",
        discussion: """
        Flags come from the rules in the config's `flags:` section (docs/flags.md). Listing first \
        evaluates every review the flagger has not seen in its current content, so the list is current \
        after a `reputa fetch`; `reputa run` and `reputa alerts send` do the same.
        """,
        subcommands: [FlagsList.self, FlagsShow.self, FlagsAck.self, FlagsAssign.self, FlagsComment.self, FlagsResolve.self,
                      FlagsReopen.self],
        defaultSubcommand: FlagsList.self)
}

extension FlagStatus: ExpressibleByArgument {}
extension FlagLevel: ExpressibleByArgument {}

extension FlagStatusFilter: ExpressibleByArgument {}

extension GlobalOptions {
    /// The flag numbered `id`, or a usage error naming it.
    func existingFlag(_ id: Int64, in store: any SQLStore) throws -> FlaggedReview {
        guard let flag = try store.flag(id: id) else { throw ValidationError("no flag \(id) in \(store.place) (reputa flags lists them)") }
        return flag
    }

    /// Who is acting: `--by`, else $REPUTA_USER, else $USER; a usage error when none names
    /// anyone (the history must say who did what, never "unknown").
    func actor(_ by: String?) throws -> String {
        let name = [by, environment["REPUTA_USER"], environment["USER"]].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        guard let name else { throw ValidationError("who is acting? give --by NAME, or set $REPUTA_USER") }
        return name
    }
}

/// What every on-call step takes: the flag's number and who takes the step.
struct FlagStep: ParsableArguments {
    @Argument(help: "The flag's number.")
    var id: Int64

    @Option(help: ArgumentHelp("Who takes the step (default: $REPUTA_USER, else $USER).", valueName: "name"))
    var by: String?

    /// Records `action` on the flag (a usage error when there is no such flag or nobody is named)
    /// and returns the flag as it was and who acted.
    func record(_ action: FlagAction, _ global: GlobalOptions) throws -> (flag: FlaggedReview, actor: String) {
        let store = try global.openStore(try global.optionalConfig())
        let flag = try global.existingFlag(id, in: store)
        let actor = try global.actor(by)
        _ = try store.updateFlag(id: id, action: action, actor: actor, at: Clock.now())
        return (flag, actor)
    }
}
