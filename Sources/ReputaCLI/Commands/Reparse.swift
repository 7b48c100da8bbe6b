import ArgumentParser
import Foundation
import ReputaCore
import ReputaIngest
import ReputaOutput
import ReputaStore

struct Reparse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild normalized reviews (and survey, helpdesk, customer records) from the stored snapshots.",
        discussion: """
        Each source is rebuilt in one transaction from its snapshots, oldest first, read the way \
        sources.yml now says (or as recorded at import for sources not in the config). If any \
        snapshot of a source fails to parse, that source is left exactly as it was.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("source"), help: "Only this source (repeatable).")
    var sources: [String] = []

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let store = try global.openStore(config)
            let archive = global.archive(config)
            let logger = Console.logger(verbose: global.verbose)
            let known = try store.importedSources()
            for name in sources where !known.contains(name) {
                throw ValidationError("no imported source named \"\(name)\"\(Suggestion.hint(name, known))")
            }
            var failures = 0
            let selected = sources.isEmpty ? known : sources
            for name in selected {
                do {
                    let payloads = try store.importedSnapshots(source: name).map { stored in
                        var stored = stored
                        if let entry = config?.source(named: name) { stored.descriptor = entry.descriptor }
                        return stored
                    }
                    let parser = PayloadParser(logger: logger)
                    if let kind = payloads.first.flatMap({ InternalKinds.named($0.descriptor.kind) }) {
                        let counts = try store.rebuildInternal(source: name, payloads: payloads, importedAt: Timestamp(date: Date())) { stored in
                            let path = archive.path(of: stored.snapshot)
                            guard let data = FileManager.default.contents(atPath: path) else {
                                throw StoreError(place: path, message: "snapshot file is missing or unreadable")
                            }
                            return try parser.parseInternal([UInt8](data), origin: stored.snapshot.relativePath,
                                                            descriptor: stored.descriptor, kind: kind)
                        }
                        Console.out("\(name): \(payloads.count) snapshots reparsed: \(counts.new) records, \(counts.skipped) skipped\n")
                        continue
                    }
                    let counts = try store.rebuild(source: name, payloads: payloads, importedAt: Timestamp(date: Date()),
                                                   report: { parser.log($0, kept: $1, source: name) }) { stored, sink in
                        let path = archive.path(of: stored.snapshot)
                        let input: ByteInput
                        do { input = try ByteInput(path: path) } catch {
                            throw StoreError(place: path, message: "snapshot file is missing or unreadable")
                        }
                        return try parser.stream(input, origin: stored.snapshot.relativePath, descriptor: stored.descriptor,
                                                 into: sink)
                    }
                    Console.out("\(name): \(payloads.count) snapshots reparsed: \(counts.new) reviews, \(counts.updated) revisions, \(counts.removed) removed\n")
                } catch let error as any ReputaError {
                    failures += 1
                    Console.err("reputa: \(error)")
                }
            }
            if failures == 0 { return .ok }
            return failures == selected.count ? .failure : .partial
        }
    }
}
