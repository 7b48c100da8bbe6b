import ArgumentParser
import Foundation
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaOutput
import ReputaPipeline

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a first, commented sources.yml for the review files you have.",
        discussion: """
        Each file is sniffed as `reputa inspect FILE` does (kind, delimiter, mapping) and becomes \
        one source, with a comment saying what was seen; --location names the places (with one, \
        every source is filed under it). --store and --snapshots name where the data goes (a \
        service needs paths it may write, e.g. under /var/lib/reputa). An existing file is never \
        overwritten. Then run the printed command: `reputa check` and `reputa fetch` on the new file.
        E.g. reputa init reviews_it.app_202611.csv trustpilot.json feed.xml --location milano
        Exit codes: 0 written, 1 a file could not be read, 64 usage (the config exists).
        """)

    @Option(name: .customLong("config"), help: ArgumentHelp("The file to write.", valueName: "path"))
    var config = "sources.yml"

    @Option(help: ArgumentHelp("A location id (repeatable).", valueName: "id"))
    var location: [String] = []

    @Option(help: ArgumentHelp("The config's time zone (IANA name; default: this machine's, else Europe/Rome).", valueName: "zone"))
    var timezone: String?

    @Option(help: ArgumentHelp("The store the config names: a SQLite file (relative to the config) or a postgres:// URL (default var/reputa.sqlite).",
                               valueName: "path|url"))
    var store = "var/reputa.sqlite"

    @Option(help: ArgumentHelp("The snapshots folder the config names (relative to the config; default snapshots).", valueName: "path"))
    var snapshots = "snapshots"

    @Argument(help: ArgumentHelp("Review files (exports, API dumps, feeds, scrapers' output).", valueName: "file"))
    var files: [String] = []

    func run() throws {
        try guarded {
            guard !FileManager.default.fileExists(atPath: config) else {
                throw ValidationError("\(config) already exists: init never overwrites (give --config another path)")
            }
            for id in location where !(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-".contains($0)) } && !id.isEmpty) {
                throw ValidationError("--location \"\(id)\" must use only letters, digits, '_' and '-'")
            }
            let zone = timezone ?? (TimeZone.current.identifier == "GMT" ? "Europe/Rome" : TimeZone.current.identifier)
            guard TimeZone(identifier: zone) != nil else { throw ValidationError("--timezone \"\(zone)\" is not an IANA time zone") }
            let folder = URL(fileURLWithPath: config).deletingLastPathComponent().standardizedFileURL.path
            var drafts: [ConfigDraft.File] = []
            var taken = Set<String>()
            for file in files {
                let (bytes, size): ([UInt8], Int)
                do { (bytes, size) = try Inspect.sample(file) } catch let error as InputError {
                    throw ImportFailure(source: "init", place: error.place, message: error.message)
                }
                let sniffed = KindGuess.sniff(bytes, fileName: (file as NSString).lastPathComponent, size: size)
                let name = ConfigDraft.sourceName(kind: sniffed.proposal?.kind ?? "source", taken: taken)
                taken.insert(name)
                let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
                let path = absolute.hasPrefix(folder + "/") ? String(absolute.dropFirst(folder.count + 1)) : absolute
                drafts.append(ConfigDraft.File(path: path, name: name, sniffed: sniffed))
                Console.err("\(file): " + (sniffed.proposal.map { "\($0.kind), \($0.reviews) reviews" } ?? "no kind reads it (\(sniffed.note ?? ""))"))
            }
            let text = ConfigDraft.render(files: drafts, locations: location, timezone: zone, now: Date(),
                                          store: store, snapshots: snapshots)
            // Created with O_EXCL: a file that appeared since the check above is never replaced.
            let fd = open(config, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                if errno == EEXIST { throw ValidationError("\(config) already exists: init never overwrites (give --config another path)") }
                throw ImportFailure(source: "init", place: config, message: "cannot create the file: \(String(cString: strerror(errno)))")
            }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
            Console.out("wrote \(config) with \(drafts.filter { $0.sniffed.proposal != nil }.count) of \(files.count) files as sources\n")
            Console.out("next: " + ShellText.command(["reputa", "check", "--config", config]) + " && "
                        + ShellText.command(["reputa", "fetch", "--config", config]) + "\n")
            return .ok
        }
    }
}
