import ArgumentParser
import Foundation
import ReputaCore
import ReputaIngest
import ReputaOutput
import ReputaStore

struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch every configured source (files and URLs), normalize and store.",
        discussion: """
        Prints one summary row per source: new, updated, unchanged, removed, skipped rows, and \
        the one-line reason when it failed. One failing source never stops the others.
        Exit codes: 0 all sources ok, 2 some failed, 1 all failed, 64 configuration error.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("source"), help: "Only this source (repeatable).")
    var sources: [String] = []

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let config = try global.loadConfig()
            let outcomes = try SourceRunner.fetch(config: config, only: sources, store: try global.openStore(config),
                                                  global: global)
            Console.out(Renderer.render(SourceRunner.table(outcomes), as: format))
            return SourceRunner.status(outcomes)
        }
    }
}

/// Runs the fetch stage over configured sources; the CLI alone knows this order.
enum SourceRunner {
    static func fetch(config: Configuration, only: [String], store: SQLiteStore, global: GlobalOptions) throws -> [SourceOutcome] {
        for name in only where config.source(named: name) == nil {
            throw ValidationError("no source named \"\(name)\"\(Suggestion.hint(name, config.sources.map(\.descriptor.name)))")
        }
        let now = Timestamp(date: Date())
        let ingestor = Ingestor(store: store, archive: global.archive(config), now: now,
                                logger: Console.logger(verbose: global.verbose))
        let http = HTTPClient()
        let selected = config.sources.filter { only.isEmpty || only.contains($0.descriptor.name) }
        var outcomes: [SourceOutcome] = []
        for (n, entry) in selected.enumerated() {
            let name = entry.descriptor.name
            Console.progress("[\(n + 1)/\(selected.count)] \(name)…")
            var outcome = SourceOutcome(source: name)
            do {
                for load in try PayloadCollector.collect(entry, http: http, now: now) {
                    do {
                        let payload = try load()
                        outcome.payloads += 1
                        outcome.counts = outcome.counts + (try ingestor.ingest(payload, descriptor: entry.descriptor))
                    } catch let error as any ReputaError {
                        if error is StoreError { throw error } // the store itself is broken: stop everything
                        Console.err("reputa: \(error)")
                        if outcome.failure == nil { outcome.failure = "\(error)" }
                    }
                }
            } catch let error as StoreError {
                throw error
            } catch let error as any ReputaError {
                Console.err("reputa: \(error)")
                outcome.failure = "\(error)"
            }
            outcomes.append(outcome)
        }
        Console.endProgress()
        return outcomes
    }

    static func table(_ outcomes: [SourceOutcome]) -> DataTable {
        DataTable(columns: ["source", "payloads", "new", "updated", "unchanged", "removed", "skipped", "status"],
                  rows: outcomes.map { o in
                      [.text(o.source), .integer(o.payloads), .integer(o.counts.new), .integer(o.counts.updated),
                       .integer(o.counts.unchanged), .integer(o.counts.removed), .integer(o.counts.skipped),
                       .text(o.failure.map { "failed: \($0)" } ?? "ok")]
                  })
    }

    static func status(_ outcomes: [SourceOutcome]) -> ExitStatus {
        let failed = outcomes.filter { $0.failure != nil }.count
        if failed == 0 { return .ok }
        return failed == outcomes.count ? .failure : .partial
    }
}
