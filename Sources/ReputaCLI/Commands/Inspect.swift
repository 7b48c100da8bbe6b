import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaIngest
import ReputaOutput

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what Reputa reads from a file, without storing anything; without --kind, which kind reads it.",
        discussion: """
        Without --kind (and no --source naming a configured source) the file is sniffed: its \
        encoding, its shape (CSV delimiter and header, JSON shape, XML root), the kind that reads \
        it (each portal kind is tried; else the generic csv or json with a mapping guessed from \
        the names) and the exact `reputa import` command to run. Exit 1 when no kind reads it.
        With a kind: skipped rows are listed on stderr with their line numbers. JSON uses the keys of `reputa reviews`. \
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
            if flags.reading.kind == nil, flags.source.flatMap({ config?.source(named: $0) }) == nil {
                return try propose()
            }
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

    /// Sniffs the file and proposes a kind, a mapping and the command.
    func propose() throws -> ExitStatus {
        let payload = try PayloadCollector.read(path, source: "inspect", now: Timestamp(date: Date()))
        let bytes: [UInt8]
        do { bytes = try payload.input(source: "inspect").readAll() } catch let error as InputError {
            throw ImportFailure(source: "inspect", place: error.place, message: error.message)
        }
        let sniffed = KindGuess.sniff(bytes, fileName: (path as NSString).lastPathComponent)
        var rows: [(String, String)] = [("file", path)] + sniffed.facts.map { ($0.label, $0.value) }
        if let p = sniffed.proposal {
            var words = ["reputa", "import", path, "--kind", p.kind]
            if !p.mapping.isEmpty {
                words += ["--map", p.mapping.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")]
            }
            if let d = p.delimiter { words += ["--delimiter", d == "\t" ? "tab" : d] }
            rows += [("kind", p.kind), ("map", words.contains("--map") ? words[words.firstIndex(of: "--map")! + 1] : ""),
                     ("reads", "\(p.reviews) reviews, \(p.skipped) rows skipped"), ("command", ShellText.command(words))]
        }
        if format == .table {
            Console.out(rows.filter { !$0.1.isEmpty }.map { "\($0.0.padding(toLength: 9, withPad: " ", startingAt: 0))\(TerminalText.clean($0.1))" }
                .joined(separator: "\n") + "\n")
        } else {
            Console.out(Renderer.render(DataTable(columns: rows.map(\.0), rows: [rows.map { .text($0.1) }]), as: format))
        }
        guard sniffed.proposal != nil else {
            Console.err("reputa: inspect: \(TerminalText.clean(path)): \(sniffed.note ?? "no kind reads it")")
            return .failure
        }
        return .ok
    }
}
