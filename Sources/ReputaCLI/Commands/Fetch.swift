import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaIngest
import ReputaOutput
import ReputaStore

struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch every configured source (files and URLs), normalize and store.",
        discussion: """
        Prints one summary row per source: new, updated, unchanged, removed, skipped rows, and \
        the one-line reason when it failed. One failing source never stops the others; \
        sources are fetched a few at a time (`http.concurrency`, default 4). URL sources send \
        conditional requests (stored ETag / Last-Modified): an unchanged page is counted under \
        not_modified and writes nothing. Pages are followed through `link rel="next"` or the API's \
        cursor, up to `max_pages` (default 10). A source answered with 429 and a long Retry-After is \
        deferred until then.
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
            let outcomes = try SourceRunner.fetch(try global.context(config, create: true), only: sources)
            Console.out(Renderer.render(FetchTable.table(outcomes), as: format))
            return SourceRunner.status(outcomes)
        }
    }
}
