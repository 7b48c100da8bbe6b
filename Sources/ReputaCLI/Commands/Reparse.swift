import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaIngest
import ReputaOutput
import ReputaStore

struct Reparse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild normalized reviews (and survey, helpdesk, customer records) from the stored snapshots.",
        discussion: """
        Each source is rebuilt in one transaction from its snapshots, oldest first, read the way \
        sources.yml now says (or as recorded at import for sources not in the config). If any \
        snapshot of a source fails to parse, that source is left exactly as it was.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("source"), help: "Only this source (repeatable).")
    var sources: [String] = []

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let rebuilt = try SourceReparse.run(sources: sources, config: config, store: try global.openStore(config),
                                                archive: global.archive(config), logger: Console.logger(verbose: global.verbose))
            for (name, result) in rebuilt {
                switch result {
                case let .done(r) where r.records:
                    Console.out("\(name): \(r.snapshots) snapshots reparsed: \(r.counts.new) records, \(r.counts.skipped) skipped\n")
                case let .done(r):
                    Console.out("\(name): \(r.snapshots) snapshots reparsed: \(r.counts.new) reviews, \(r.counts.updated) revisions, \(r.counts.removed) removed\n")
                case let .failed(error):
                    Console.err("reputa: \(error)")
                }
            }
            return FileImport.status(failures: rebuilt.filter { $0.result.failed }.count, of: rebuilt.count)
        }
    }
}
