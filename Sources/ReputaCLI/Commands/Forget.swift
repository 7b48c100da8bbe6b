import ArgumentParser
import Foundation
import ReputaCore
import ReputaPipeline
import ReputaStore

struct Forget: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove what a source's imports brought, so a corrected import of the same files works.",
        discussion: """
        Removes the source's reviews, their revisions, its routes and its ledger rows, the flags \
        of reviews that leave and its URLs' conditional-GET validators (the next fetch reads every \
        page again), in one transaction, and prints what it removed. The snapshot files stay on \
        disk. With --snapshot, only what those snapshots brought: the source is rebuilt from its \
        other snapshots, read as they were recorded. A review another source also holds is not \
        removed: it stays with that source, which is read again from its own snapshots, and the \
        summary says so. An unknown snapshot id lists the source's snapshots.
        E.g. after `reputa import export.csv --kind booking-csv --source hotels` read a wrong column: \
        reputa forget --source hotels, then the corrected import.
        Exit codes: 0 done, 1 the store failed or a kept snapshot no longer parses (nothing \
        changed), 64 usage.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The source to forget.", valueName: "name"))
    var source: String

    @Option(help: ArgumentHelp("Only this snapshot (its id: 8 or more hex digits of its sha256, or its path; repeatable).",
                               valueName: "id"))
    var snapshot: [String] = []

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let result = try SourceForget.run(source: source, snapshots: snapshot, config: config, store: try global.openStore(config),
                                              archive: global.archive(config), logger: Console.logger(verbose: global.verbose))
            let names = result.forgotten.map { "\(SourceForget.shortID($0)) \($0.snapshot.relativePath)" }
            Console.out("\(source): forgot \(result.forgotten.count) snapshot\(result.forgotten.count == 1 ? "" : "s")"
                        + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))") + "\n")
            Console.out(Self.summary(result.rebuilt, replayed: result.rebuilt.snapshots))
            for heir in result.heirs {
                Console.out("  \(heir.source): read again from its own \(heir.snapshots) snapshot\(heir.snapshots == 1 ? "" : "s"), "
                            + "so the reviews it keeps hold its own content\n")
            }
            return .ok
        }
    }

    /// What a rebuild removed and kept, one line each (shared with `reparse`).
    static func summary(_ r: SourceReparse.Rebuilt, replayed: Int) -> String {
        guard let a = r.accounted else {
            return "  now: \(r.counts.new) records from \(replayed) snapshot\(replayed == 1 ? "" : "s")\n"
        }
        func gone(_ before: Int, _ after: Int) -> Int { max(0, before - after) }
        // A review passed on to another source left this one but is not removed.
        let passed = a.passedOn.values.reduce(0, +)
        var lines = ["  removed: \(gone(a.before.reviews, a.after.reviews + passed)) reviews, \(gone(a.before.revisions, a.after.revisions + a.passedRevisions)) revisions, "
                     + "\(gone(a.before.routes, a.after.routes)) routes, \(gone(a.before.imports, a.after.imports)) ledger rows, "
                     + "\(a.flagsRemoved) flags",
                     "  now: \(a.after.reviews) reviews from \(replayed) snapshot\(replayed == 1 ? "" : "s")"]
        if !a.passedOn.isEmpty {
            lines.append("  kept, because another source also holds them: "
                         + a.passedOn.sorted { $0.key < $1.key }.map { "\($0.value) with \($0.key)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
