import Foundation
import ArgumentParser
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaIngest

/// How to read files that have no entry in sources.yml (`import`, `inspect`).
struct SourceFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Source name the reviews are stored under (default: the config entry, else the kind).", valueName: "name"))
    var source: String?

    @OptionGroup var reading: ReadingFlags

    /// The descriptor from flags, starting from the config's entry when `--source` names one.
    func descriptor(config: Configuration?) throws -> SourceDescriptor {
        var d: SourceDescriptor
        let kind = reading.kind
        if let name = source, let entry = config?.source(named: name) {
            d = entry.descriptor
            if let kind, kind != d.kind { throw ValidationError("--kind \(kind) differs from source \(name)'s kind \(d.kind)") }
        } else {
            guard let kind else {
                throw ValidationError("--kind is required (one of: \((Kinds.names + InternalKinds.names).joined(separator: ", ")))")
            }
            d = SourceDescriptor(name: source ?? kind, kind: kind, portal: try ReadingFlags.portal(of: kind),
                                 timezone: config?.timezone ?? "Europe/Rome", reportingZone: config?.timezone,
                                 locationAliases: Configuration.aliasMap(config?.locations ?? []))
        }
        guard d.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }), !d.name.hasPrefix(".") else {
            throw ValidationError("--source \"\(d.name)\" must use only letters, digits, '.', '_' and '-'")
        }
        try reading.apply(to: &d, config: config)
        return d
    }
}
