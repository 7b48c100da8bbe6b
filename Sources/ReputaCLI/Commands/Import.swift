import ArgumentParser
import Foundation
import ReputaCore
import ReputaStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import review files that have no entry in sources.yml.",
        discussion: """
        Each file is hashed: the same bytes imported again change nothing; an overlapping file \
        adds only the reviews that are new; an edited review keeps its old revision. Every file \
        is kept byte for byte under snapshots/<source>/. Each file is one transaction.
        Exit codes: 0 all files imported, 2 some failed, 1 all failed, 64 usage.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flags: SourceFlags

    @Argument(help: ArgumentHelp("Files to import.", valueName: "path"))
    var paths: [String]

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let descriptor = try flags.descriptor(config: config)
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

enum SummaryLine {
    static func text(_ source: String, origin: String, _ c: ImportCounts) -> String {
        if c.alreadyImported {
            return "\(source): \(origin): already imported (0 new, 0 updated)"
        }
        return "\(source): \(origin): \(c.new) new, \(c.updated) updated, \(c.unchanged) unchanged, \(c.removed) removed, \(c.skipped) skipped"
    }
}
