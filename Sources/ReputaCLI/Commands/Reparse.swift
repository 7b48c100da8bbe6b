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
        snapshot of a source fails to parse, that source is left exactly as it was. With one \
        --source that the config does not name, the reading options of `import` (--kind, --map, \
        --scale, --delimiter, --timezone, --location…) are laid over the recorded settings (a new \
        --kind starts from that kind's own, dropping the old mapping, delimiter and scale) and \
        recorded, so later reparses keep them: a bad import is read again rightly, e.g. \
        reputa reparse --source hotels --kind booking-csv. \
        A review another source also holds stays with that source, and the summary says so.
        Exit codes: 0 all rebuilt, 2 some failed, 1 all failed, 64 usage.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("source"), help: "Only this source (repeatable).")
    var sources: [String] = []

    @OptionGroup(title: "Reading options (with one --source)") var reading: ReadingFlags

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            if !reading.isEmpty, sources.count != 1 {
                throw ValidationError("reading options (--kind, --map, …) need exactly one --source")
            }
            if !reading.isEmpty, let name = sources.first, config?.source(named: name) != nil {
                throw ValidationError("source \(name) is configured: change its entry in \(config?.file ?? "sources.yml"), "
                                      + "then run `reputa reparse --source \(name)` (reading options are for imported sources)")
            }
            let reading = self.reading
            let rebuilt = try SourceReparse.run(sources: sources, config: config, store: try global.openStore(config),
                                                archive: global.archive(config), logger: Console.logger(verbose: global.verbose),
                                                reading: reading.isEmpty ? nil : { try reading.apply(to: &$0, config: config) })
            for (name, result) in rebuilt {
                switch result {
                case let .done(r) where r.records:
                    Console.out("\(name): \(r.snapshots) snapshots reparsed: \(r.counts.new) records, \(r.counts.skipped) skipped\n")
                case let .done(r):
                    Console.out("\(name): \(r.snapshots) snapshots reparsed: \(r.counts.new) reviews, \(r.counts.updated) revisions, \(r.counts.removed) removed\n")
                    if let a = r.accounted, a.flagsRemoved > 0 || !a.passedOn.isEmpty { Console.out(Forget.summary(r, replayed: r.snapshots)) }
                case let .failed(error):
                    Console.err("reputa: \(error)")
                }
            }
            return FileImport.status(failures: rebuilt.filter { $0.result.failed }.count, of: rebuilt.count)
        }
    }
}
