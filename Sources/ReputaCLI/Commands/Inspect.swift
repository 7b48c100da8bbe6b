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

    /// The file's first `KindGuess.sampleBytes` (and one more, so the sniffer knows there is
    /// more) and its size: a 5 GB dump is sniffed from its first part, never read whole.
    static func sample(_ path: String) throws(InputError) -> ([UInt8], Int) {
        let input = try ByteInput(path: path)
        var bytes: [UInt8] = []
        while bytes.count <= KindGuess.sampleBytes, let piece = try input.next() {
            bytes.append(contentsOf: piece.prefix(KindGuess.sampleBytes + 1 - bytes.count))
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? bytes.count
        return (bytes, max(size, bytes.count))
    }

    /// Sniffs the file and proposes a kind, a mapping and the command.
    func propose() throws -> ExitStatus {
        guard flags.reading.isEmpty else {
            throw ValidationError("reading options need --kind (without it, inspect proposes the kind and the options)")
        }
        let (bytes, size): ([UInt8], Int)
        do { (bytes, size) = try Self.sample(path) } catch {
            throw ImportFailure(source: "inspect", place: error.place, message: error.message)
        }
        let sniffed = KindGuess.sniff(bytes, fileName: (path as NSString).lastPathComponent, size: size)
        var rows: [(String, String)] = [("file", path)] + sniffed.facts.map { ($0.label, $0.value) }
        if let p = sniffed.proposal {
            let map = p.mapping.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            // A relative path that starts with "-" would read as an option.
            var words = ["reputa", "import", path.hasPrefix("-") ? "./" + path : path, "--kind", p.kind]
            if !map.isEmpty { words += ["--map", map] }
            if let d = p.delimiter { words += ["--delimiter", d == "\t" ? "tab" : d] }
            // A name with control characters cannot be shown as typed: no command to copy.
            let printable = !words.joined().unicodeScalars.contains { $0.properties.generalCategory == .control
                || $0.properties.generalCategory == .format }
            rows += [("kind", p.kind), ("map", map), ("reads", "\(p.reviews) reviews, \(p.skipped) rows skipped"),
                     ("command", printable ? ShellText.command(words) : "(the file's name holds control characters: rename it, then run inspect again)")]
        }
        if format == .table {
            Console.out(rows.filter { !$0.1.isEmpty }.map { "\($0.0.padding(toLength: 9, withPad: " ", startingAt: 0))\(TerminalText.clean($0.1))" }
                .joined(separator: "\n") + "\n")
        } else {
            Console.out(Renderer.render(DataTable(columns: rows.map(\.0), rows: [rows.map { .text($0.1) }]), as: format))
        }
        guard sniffed.proposal != nil else {
            Console.err("reputa: inspect: \(path): \(sniffed.note ?? "no kind reads it")")
            return .failure
        }
        return .ok
    }
}
