import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaIngest
import ReputaOutput

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what Reputa reads from a file, without storing anything.",
        discussion: """
        Skipped rows are listed on stderr with their line numbers. JSON uses the keys of `reputa reviews`. \
        For the feed kinds (feed, rss, atom) it prints each entry as read, before normalization: \
        id, title, link, author, published, updated, created, summary, content.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flags: SourceFlags

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("The file to read.", valueName: "path"))
    var path: String

    static func table(_ entries: [FeedEntry]) -> DataTable {
        DataTable(columns: ["id", "title", "link", "author", "published", "updated", "created", "summary", "content"],
                  rows: entries.map { e in
                      [e.id, e.title, e.link, e.author, e.published, e.updated, e.created, e.summary, e.content].map { .text($0) }
                  })
    }

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let descriptor = try flags.descriptor(config: config)
            switch try Inspection.read(path, descriptor: descriptor, logger: Console.logger(verbose: true), now: Timestamp(date: Date())) {
            case let .feed(feed):
                Console.out(Renderer.render(Self.table(feed.entries), as: format))
                Console.err("\(feed.entries.count) entries read (\(feed.flavour.rawValue))")
            case let .records(batch):
                Console.out(InternalTable.make(batch).map { Renderer.render($0, as: format) }.joined(separator: "\n"))
                Console.err("\(batch.recordCount) records read, \(batch.skipped.count) rows skipped")
            case let .reviews(batch):
                let columns = format == .table ? ReviewTable.tableColumns : ReviewTable.columns
                Console.out(Renderer.render(ReviewTable.make(batch.reviews, columns: columns), as: format))
                Console.err("\(batch.reviews.count) reviews read, \(batch.skipped.count) rows skipped")
            }
            return .ok
        }
    }
}
