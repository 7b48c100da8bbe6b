import ArgumentParser
import Foundation
import ReputaCore
import ReputaOutput

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what Reputa reads from a file, without storing anything.",
        discussion: "Skipped rows are listed on stderr with their line numbers. JSON uses the keys of `reputa reviews`.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flags: SourceFlags

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("The file to read.", valueName: "path"))
    var path: String

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let descriptor = try flags.descriptor(config: config)
            let payload = try PayloadCollector.read(path, source: descriptor.name, now: Timestamp(date: Date()))
            let batch = try PayloadParser(logger: Console.logger(verbose: true)).parse(payload, descriptor: descriptor)
            let columns = format == .table ? ReviewTable.tableColumns : ReviewTable.columns
            Console.out(Renderer.render(ReviewTable.make(batch.reviews, columns: columns), as: format))
            Console.err("\(batch.reviews.count) reviews read, \(batch.skipped.count) rows skipped")
            return .ok
        }
    }
}
