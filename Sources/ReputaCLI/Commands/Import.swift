import ArgumentParser
import Foundation
import ReputaCore
import ReputaOutput
import ReputaConfig
import ReputaPipeline
import ReputaIngest
import ReputaStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import review, survey, helpdesk or customer files that have no entry in sources.yml.",
        discussion: """
        Each file is hashed: the same bytes imported again change nothing; an overlapping file \
        adds only the reviews that are new; an edited review keeps its old revision. Every file \
        is kept byte for byte under snapshots/<source>/. Each file is one transaction, read in \
        pieces: memory stays flat whatever the file's size. --dry-run reads and checks every file \
        the same way and stores nothing (no store, no snapshot).
        Survey, helpdesk and customer kinds (survey-csv, qualtrics, survey-wide, zendesk-satisfaction, \
        zendesk-tickets, freshdesk-csat, tickets-csv, customers-csv, conversions-csv, health-csv) are \
        read whole; the scale of every score is declared (--scale, --question), never guessed. E.g. \
        reputa import nps.csv --kind survey-csv --metric nps --scale 0-10 \
        --map response_id=Id,submitted_at=Date,score=Score --segment location=Store
        Not sure of the kind? `reputa inspect FILE` proposes it, with the command to run. \
        A bad import is undone with `reputa forget --source NAME` or read again with \
        `reputa reparse --source NAME --map …`.
        Exit codes: 0 all files imported, 2 some failed, 1 all failed, 64 usage.

        One example per kind:
        """ + "\n" + ImportExamples.text)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flags: SourceFlags

    @Flag(help: "Read and check the files, print what they hold, store nothing.")
    var dryRun = false

    @Argument(help: ArgumentHelp("Files to import.", valueName: "path"))
    var paths: [String]

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let descriptor = try flags.descriptor(config: config)
            let now = Timestamp(date: Date())
            let logger = Console.logger(verbose: global.verbose)
            if dryRun {
                let checked = FileImport.check(paths: paths, descriptor: descriptor, logger: logger, now: now)
                for (_, result) in checked {
                    switch result {
                    case let .done(c):
                        Console.out("\(descriptor.name): \(TerminalText.visible(c.path)): \(c.read) \(c.records ? "records" : "reviews") read, "
                                    + "\(c.skipped) skipped (dry run: nothing stored)\n")
                    case let .failed(error): Console.err("reputa: \(error)")
                    }
                }
                return FileImport.status(failures: checked.filter { $0.result.failed }.count, of: paths.count)
            }
            let imported = FileImport.run(paths: paths, descriptor: descriptor, store: try global.openStore(config, create: true),
                                          archive: global.archive(config), logger: logger, now: now)
            for file in imported {
                switch file.result {
                case let .done(counts): Console.out(TerminalText.visible(SummaryLine.text(descriptor.name, origin: file.path, counts)) + "\n")
                case let .failed(error): Console.err("reputa: \(error)")
                }
            }
            return FileImport.status(failures: imported.filter { $0.result.failed }.count, of: paths.count)
        }
    }
}
