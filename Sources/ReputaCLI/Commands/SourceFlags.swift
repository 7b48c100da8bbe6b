import Foundation
import ArgumentParser
import ReputaCore
import ReputaIngest

/// How to read files that have no entry in sources.yml (`import`, `inspect`).
struct SourceFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Source kind: \(Kinds.names.joined(separator: ", ")).", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Source name the reviews are stored under (default: the config entry, else the kind).", valueName: "name"))
    var source: String?

    @Option(help: "Location id for every review.")
    var location: String?

    @Option(help: "Competitor name (empty for our own reviews).")
    var competitor: String?

    @Option(help: ArgumentHelp("Column mapping for csv (json: keys, dotted paths, plus list=path): field=Column,… (fields: \(CSVReviewImporter.fields.joined(separator: ", "))).", valueName: "mapping"))
    var map: String?

    @Option(help: ArgumentHelp("Rating scale, e.g. 1-5 or 0-10.", valueName: "min-max"))
    var scale: String?

    @Option(help: ArgumentHelp("CSV delimiter: , ; or tab (default: detected).", valueName: "char"))
    var delimiter: String?

    @Flag(help: "Each file is a full export: reviews missing from a newer file are tombstoned.")
    var fullExport = false

    /// The descriptor from flags, starting from the config's entry when `--source` names one.
    func descriptor(config: Configuration?) throws -> SourceDescriptor {
        var d: SourceDescriptor
        if let name = source, let entry = config?.source(named: name) {
            d = entry.descriptor
            if let kind, kind != d.kind { throw ValidationError("--kind \(kind) differs from source \(name)'s kind \(d.kind)") }
        } else {
            guard let kind else { throw ValidationError("--kind is required (one of: \(Kinds.names.joined(separator: ", ")))") }
            guard let k = Kinds.named(kind) else {
                throw ValidationError("unknown kind \"\(kind)\"\(Suggestion.hint(kind, Kinds.names)); kinds: \(Kinds.names.joined(separator: ", "))")
            }
            d = SourceDescriptor(name: source ?? kind, kind: kind, portal: k.portal,
                                 timezone: config?.timezone ?? "Europe/Rome",
                                 locationAliases: Configuration.aliasMap(config?.locations ?? []))
        }
        guard d.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }), !d.name.hasPrefix(".") else {
            throw ValidationError("--source \"\(d.name)\" must use only letters, digits, '.', '_' and '-'")
        }
        if let location { d.location = location }
        if let competitor { d.competitor = competitor }
        if let scale {
            guard let s = RatingScale(parsing: scale) else { throw ValidationError("--scale \"\(scale)\" is not like 1-5") }
            d.scale = s
        }
        if let map {
            var mapping: [String: String] = [:]
            for pair in map.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError("--map \"\(pair)\" is not field=Column") }
                let fields = Kinds.mappingFields(for: kind)
                guard fields.contains(parts[0]) else {
                    throw ValidationError("--map: unknown field \"\(parts[0])\"\(Suggestion.hint(parts[0], fields)); fields: \(fields.joined(separator: ", "))")
                }
                mapping[parts[0]] = parts[1]
            }
            d.mapping = mapping
        }
        if let delimiter {
            guard let resolved = CSVReviewImporter.delimiter(named: delimiter) else {
                throw ValidationError("--delimiter must be , ; or tab")
            }
            d.delimiter = resolved
        }
        if fullExport { d.fullExport = true }
        return d
    }
}
