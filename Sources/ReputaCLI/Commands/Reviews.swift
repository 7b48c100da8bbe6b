import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaOutput
import ReputaStore

struct Reviews: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List normalized reviews from the store.",
        discussion: """
        JSON is an array of objects with the keys source, portal, id, rating, scale_min, scale_max, \
        rating_100, title, text, author, language, created_at, updated_at, reply_text, reply_at, url, \
        location, competitor. Times are UTC (YYYY-MM-DDTHH:MM:SSZ). CSV is UTF-8 with BOM, CRLF, and \
        text cells guarded against spreadsheet formulas.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("source"), help: "Only this source (repeatable).")
    var sources: [String] = []

    @Option(help: ArgumentHelp("Reviews created on or after this date (YYYY-MM-DD, config timezone).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Reviews created before this date (YYYY-MM-DD, config timezone).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only ratings at or below N, on each review's own scale.", valueName: "N"))
    var maxRating: Double?

    @Flag(help: "Include reviews tombstoned because a newer full export no longer holds them.")
    var includeDeleted = false

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let zone = config?.timezone ?? "Europe/Rome"
            var query = ReviewQuery()
            query.sources = sources
            query.since = try dateBound(since, zone: zone, option: "--since")
            query.until = try dateBound(until, zone: zone, option: "--until")
            query.maxRating = maxRating
            query.includeDeleted = includeDeleted
            let store = try global.openStore(config)
            let rows = try store.reviews(query).map(\.review)
            let columns = format == .table ? ReviewTable.tableColumns : ReviewTable.columns
            Console.out(Renderer.render(ReviewTable.make(rows, columns: columns), as: format))
            return .ok
        }
    }
}
