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
        abstract: "List flagged reviews that need an answer, and work them: show, ack, assign, resolve.",
        discussion: """
        Flags come from the rules in the config's `flags:` section (README, "Flags"). Listing first \
        evaluates every review the flagger has not seen in its current content, so the list is current \
        after a `reputa fetch`; `reputa run` and `reputa alerts send` do the same.
        """,
        subcommands: [FlagsList.self, FlagsShow.self, FlagsAck.self, FlagsAssign.self, FlagsResolve.self],
        defaultSubcommand: FlagsList.self)
}

extension FlagStatus: ExpressibleByArgument {}
extension FlagLevel: ExpressibleByArgument {}

/// `--status` takes the stored statuses and `overdue`.
enum FlagStatusFilter: String, CaseIterable, ExpressibleByArgument {
    case open, acked, resolved, overdue
}

extension GlobalOptions {
    /// The flag numbered `id`, or a usage error naming it.
    func existingFlag(_ id: Int64, in store: any SQLStore) throws -> FlaggedReview {
        guard let flag = try store.flag(id: id) else { throw ValidationError("no flag \(id) in \(store.place) (reputa flags lists them)") }
        return flag
    }

    /// Who is acting: `--by`, else $REPUTA_USER, else $USER.
    func actor(_ by: String?) -> String {
        by ?? environment["REPUTA_USER"] ?? environment["USER"] ?? "unknown"
    }
}
