import ArgumentParser
import Foundation
import ReputaCore
import ReputaIngest
import ReputaStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import review, survey, helpdesk or customer files that have no entry in sources.yml.",
        discussion: """
        Each file is hashed: the same bytes imported again change nothing; an overlapping file \
        adds only the reviews that are new; an edited review keeps its old revision. Every file \
        is kept byte for byte under snapshots/<source>/. Each file is one transaction, read in \
        pieces: memory stays flat whatever the file's size. --dry-run reads and checks every file \
        the same way and stores nothing (no store, no snapshot).
        Survey, helpdesk and customer kinds (survey-csv, qualtrics, survey-wide, zendesk-satisfaction, \
        zendesk-tickets, freshdesk-csat, tickets-csv, customers-csv, conversions-csv, health-csv) are \
        read whole; the scale of every score is declared (--scale, --question), never guessed. E.g. \
        reputa import nps.csv --kind survey-csv --metric nps --scale 0-10 \
        --map response_id=Id,submitted_at=Date,score=Score --segment location=Store
        Exit codes: 0 all files imported, 2 some failed, 1 all failed, 64 usage.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flags: SourceFlags

    @Flag(help: "Read and check the files, print what they hold, store nothing.")
    var dryRun = false

    @Argument(help: ArgumentHelp("Files to import.", valueName: "path"))
    var paths: [String]

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let descriptor = try flags.descriptor(config: config)
            if dryRun { return check(descriptor) }
            let store = try global.openStore(config)
            let now = Timestamp(date: Date())
            let ingestor = Ingestor(store: store, archive: global.archive(config), now: now,
                                    logger: Console.logger(verbose: global.verbose))
            var total = ImportCounts()
            var failures = 0
            for path in paths {
                do {
                    let payload = try PayloadCollector.read(path, source: descriptor.name, now: now)
                    let counts = try ingestor.ingest(payload, descriptor: descriptor)
                    total = total + counts
                    Console.out(SummaryLine.text(descriptor.name, origin: path, counts) + "\n")
                } catch let error as any ReputaError {
                    failures += 1
                    Console.err("reputa: \(error)")
                }
            }
            if failures == paths.count { return .failure }
            return failures > 0 ? .partial : .ok
        }
    }
}

extension Import {
    /// `--dry-run`: each file streamed through its importer into a counter.
    func check(_ descriptor: SourceDescriptor) -> ExitStatus {
        let parser = PayloadParser(logger: Console.logger(verbose: global.verbose))
        var failures = 0
        for path in paths {
            do {
                let payload = try PayloadCollector.read(path, source: descriptor.name, now: Timestamp(date: Date()))
                if let kind = InternalKinds.named(descriptor.kind) {
                    let batch = try parser.parseInternal(payload.input(source: descriptor.name).readAll(), origin: path,
                                                         descriptor: descriptor, kind: kind)
                    Console.out("\(descriptor.name): \(path): \(batch.recordCount) records read, \(batch.skipped.count) skipped (dry run: nothing stored)\n")
                    continue
                }
                let counter = CountingSink { parser.log($0, kept: $1, source: descriptor.name) }
                _ = try parser.stream(payload.input(source: descriptor.name), origin: path, descriptor: descriptor,
                                      into: counter)
                Console.out("\(descriptor.name): \(path): \(counter.reviews) reviews read, \(counter.skipped) skipped (dry run: nothing stored)\n")
            } catch let error as any ReputaError {
                failures += 1
                Console.err("reputa: \(error)")
            } catch {
                failures += 1
                Console.err("reputa: import \(descriptor.name): \(path): \(error)")
            }
        }
        if failures == 0 { return .ok }
        return failures == paths.count ? .failure : .partial
    }
}

/// Counts what an importer reads and reports its problems; keeps nothing.
final class CountingSink: ReviewSink {
    var reviews = 0
    var skipped = 0
    let report: (RowProblem, Bool) -> Void

    init(report: @escaping (RowProblem, Bool) -> Void) { self.report = report }

    func add(_ review: Review) { reviews += 1 }
    func skip(_ problem: RowProblem) { skipped += 1; report(problem, false) }
    func warn(_ problem: RowProblem) { report(problem, true) }
}

enum SummaryLine {
    static func text(_ source: String, origin: String, _ c: ImportCounts) -> String {
        if c.alreadyImported {
            return "\(source): \(origin): already imported (0 new, 0 updated)"
        }
        let merged = c.merged > 0 ? " (\(c.merged) already held from another source)" : ""
        return "\(source): \(origin): \(c.new) new, \(c.updated) updated, \(c.unchanged) unchanged\(merged), \(c.removed) removed, \(c.skipped) skipped"
    }
}
