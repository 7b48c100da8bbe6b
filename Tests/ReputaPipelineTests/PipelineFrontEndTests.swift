import Foundation
import ReputaCore
@testable import ReputaConfig
@testable import ReputaPipeline
import ReputaStore
import Testing

/// The pipeline driven as a front end other than the CLI would (a web server, a test): a config
/// file, a SQLite store, a RunContext whose log collects what it is told; outcome values back,
/// no command line and no console.
@Suite struct PipelineFrontEndTests {
    final class Collected: PipelineLog, @unchecked Sendable {
        let lock = NSLock()
        var lines: [String] = []
        func note(_ line: String) { lock.withLock { lines.append(line) } }
        func progress(_ text: String) {}
        func endProgress() {}
    }

    /// Three reviews in one export: a food-poisoning complaint (urgent), a slow service (high),
    /// praise; routes send urgent flags to `oncall` and the rest to `marketing`, and no
    /// channel is configured.
    func context(_ folder: URL, log: Collected) throws -> RunContext {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("exports"), withIntermediateDirectories: true)
        try Data("""
            id,date,stars,text
            r1,2026-11-20 12:00:00,1,"Intossicazione alimentare dopo la cena, siamo stati male tutta la notte"
            r2,2026-11-20 13:00:00,2,"Servizio lentissimo e conto sbagliato"
            r3,2026-11-20 14:00:00,5,"Tutto perfetto, torneremo"

            """.utf8).write(to: folder.appendingPathComponent("exports/a.csv"))
        let file = folder.appendingPathComponent("sources.yml")
        try Data("""
            version: 1
            store: s.sqlite
            timezone: UTC
            sources:
              - {name: shop, kind: csv, path: "exports/*.csv", timezone: UTC, map: {id: id, date: date, rating: stars, text: text}}
            flags:
              routes:
                - {channel: oncall, level: urgent}
              default_channel: marketing
            """.utf8).write(to: file)
        let config = try ConfigLoader.load(file: file.path)
        let path = folder.appendingPathComponent("s.sqlite").path
        return RunContext(config: config, store: try SQLiteStore(path: path),
                          archive: SnapshotArchive(root: folder.appendingPathComponent("snapshots")), log: log,
                          openStore: { try SQLiteStore(path: path) }, clock: { Timestamp(utcISO: "2026-11-21T09:00:00Z")! })
    }

    @Test func fetchThenReactReturnsOutcomesAndNamesFlagsNobodyHears() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-pipe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = Collected()
        let context = try context(folder, log: log)
        let fetched = try SourceRunner.fetch(context, only: [])
        #expect(fetched.map(\.source) == ["shop"] && fetched[0].counts.new == 3 && fetched[0].failure == nil)
        #expect(throws: UsageError.self) { try SourceRunner.fetch(context, only: ["shp"]) }

        // A dry run first: it says what would happen and leaves nothing behind.
        let dry = try Reaction.run(context, now: context.clock(), deliver: true, dryRun: true)
        #expect(dry.flags.flagged == 2 && dry.unrouted == ["oncall": 1, "marketing": 1])
        #expect(try context.store.flags(FlagQuery()).isEmpty)

        let done = try Reaction.run(context, now: context.clock(), deliver: true)
        #expect(done.flags.evaluated == 3 && done.flags.flagged == 2 && done.flags.byLevel == [.urgent: 1, .high: 1])
        #expect(done.queued == QueueCounts(unrouted: ["oncall": 1, "marketing": 1])) // no channel configured: nothing queued…
        #expect(done.unrouted == ["oncall": 1, "marketing": 1]) // …and the two flags reach no one
        let lines = Reaction.lines(done, config: context.config)
        #expect(lines.first == "flags: 3 reviews evaluated, 2 new open flags (1 urgent, 1 high)")
        #expect(lines.contains { $0.hasPrefix("reputa: warning: unresolved flags are routed to channels that notifications: does not define (marketing 1, oncall 1)") })
        #expect(log.lines.isEmpty) // the fetch and the reaction had nothing to complain about
        // Evaluated once: a second reaction finds nothing new, and still warns.
        let again = try Reaction.run(context, now: context.clock(), deliver: true)
        #expect(again.flags.evaluated == 0 && again.unrouted.count == 2)
    }
}
