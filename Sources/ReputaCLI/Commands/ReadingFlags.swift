import Foundation
import ArgumentParser
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaIngest

/// How to read a source's files: the kind and its settings (`import`, `inspect`, and
/// `reparse --source NAME` to read kept snapshots again with new settings).
struct ReadingFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Source kind: \((Kinds.names + InternalKinds.names).joined(separator: ", ")).", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Zone of times the file writes without an offset (IANA name; default: the config's timezone, else Europe/Rome). docs/sources.md: \"Time zones, kind by kind\".", valueName: "zone"))
    var timezone: String?

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

    @Option(help: ArgumentHelp("CSV: a field longer than this many bytes skips its row (default 1048576).", valueName: "bytes"))
    var maxFieldBytes: Int?

    @Flag(help: "Each file is a full export: reviews missing from a newer file are tombstoned.")
    var fullExport = false

    @Option(help: ArgumentHelp("Survey metric of every row (survey-csv, zendesk-satisfaction, freshdesk-csat): csat, nps, ces or css.", valueName: "metric"))
    var metric: String?

    @Option(help: ArgumentHelp("A score column of a wide survey export with its metric and scale, e.g. Q1=nps:0-10 (repeatable).", valueName: "column=metric:scale"))
    var question: [String] = []

    @Option(help: ArgumentHelp("A segment column, e.g. location=Store (repeatable; a JSON path for JSON kinds).", valueName: "name=column"))
    var segment: [String] = []

    @Flag(help: "The declared scale runs the other way: 1 is best (the older CES effort question).")
    var lowerBetter = false

    /// True when no reading option was given.
    var isEmpty: Bool {
        kind == nil && timezone == nil && location == nil && competitor == nil && map == nil && scale == nil && delimiter == nil
            && maxFieldBytes == nil && !fullExport && metric == nil && question.isEmpty && segment.isEmpty && !lowerBetter
    }

    /// The portal a kind implies, or a usage error naming the kinds.
    static func portal(of kind: String) throws -> String {
        let names = Kinds.names + InternalKinds.names
        guard let portal = Kinds.named(kind)?.portal ?? InternalKinds.named(kind)?.section else {
            throw ValidationError("unknown kind \"\(kind)\"\(Suggestion.hint(kind, names)); kinds: \(names.joined(separator: ", "))")
        }
        return portal
    }

    /// Lays the options over `d` (its kind, when `--kind` names another, included).
    func apply(to d: inout SourceDescriptor, config: Configuration?) throws {
        if let kind, kind != d.kind {
            // Another kind reads with its own fields: what the old one was told does not carry over.
            d.portal = try Self.portal(of: kind)
            d.kind = kind
            d.mapping = [:]
            d.delimiter = nil
            d.scale = .fiveStars
            d.records = nil
        }
        if let timezone {
            guard TimeZone(identifier: timezone) != nil else {
                throw ValidationError("--timezone \"\(timezone)\" is not an IANA time zone such as Europe/Rome or UTC")
            }
            d.timezone = timezone
        }
        if let location {
            try Self.checkLocation(location, config)
            d.location = location
        }
        if let maxFieldBytes {
            guard maxFieldBytes >= 1024 else { throw ValidationError("--max-field-bytes must be at least 1024") }
            d.maxFieldBytes = maxFieldBytes
        }
        if let competitor { d.competitor = competitor }
        if let scale, InternalKinds.named(d.kind) == nil {
            guard let s = RatingScale(parsing: scale) else { throw ValidationError("--scale \"\(scale)\" is not like 1-5") }
            d.scale = s
        }
        if let map {
            if InternalKinds.named(d.kind) == nil, !Kinds.takesMapping(d.kind) {
                throw ValidationError("--map: kind \(d.kind) reads its portal's own fields; a mapping is for \(Kinds.mappedKinds.joined(separator: ", "))"
                                      + " (the location comes from --location)")
            }
            var mapping: [String: String] = [:]
            for pair in map.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError("--map \"\(pair)\" is not field=Column") }
                let fields = InternalKinds.named(d.kind)?.fields ?? Kinds.mappingFields(for: d.kind)
                guard fields.contains(parts[0]) else {
                    throw ValidationError("--map: unknown field \"\(parts[0])\"\(Suggestion.hint(parts[0], fields)); fields: \(fields.joined(separator: ", "))")
                }
                mapping[parts[0]] = parts[1]
            }
            d.mapping.merge(mapping) { _, given in given } // a mapped field replaces only that field
        }
        if let delimiter {
            guard let resolved = CSVReviewImporter.delimiter(named: delimiter) else {
                throw ValidationError("--delimiter must be , ; or tab")
            }
            d.delimiter = resolved
        }
        if fullExport { d.fullExport = true }
        try applyRecordFlags(to: &d)
    }
}

extension ReadingFlags {
    /// `--metric`, `--scale`, `--question`, `--segment` for survey, helpdesk and customers kinds.
    func applyRecordFlags(to d: inout SourceDescriptor) throws {
        guard InternalKinds.named(d.kind) != nil else {
            if metric != nil || !question.isEmpty || !segment.isEmpty || lowerBetter {
                throw ValidationError("--metric, --question, --segment and --lower-better are for survey, helpdesk and customers kinds")
            }
            return
        }
        var spec = d.records ?? RecordSpec()
        if let metric {
            guard let m = SurveyMetric(rawValue: metric.lowercased()) else {
                throw ValidationError("--metric \"\(metric)\" is not csat, nps, ces or css")
            }
            spec.metric = m
        }
        if let scale {
            guard let s = SurveyScale(parsing: scale, lowerIsBetter: lowerBetter) else {
                throw ValidationError("--scale \"\(scale)\" is not like 1-5, 0-10 or good-bad")
            }
            spec.scale = s
        }
        if let m = spec.metric, let s = spec.scale, let problem = QuestionSpec.problem(metric: m, scale: s) {
            throw ValidationError("--metric \(m.rawValue) --scale \(s): \(problem)")
        }
        for q in question {
            let parts = q.split(separator: "=", maxSplits: 1).map(String.init)
            let rest = parts.count == 2 ? parts[1].split(separator: ":", maxSplits: 1).map(String.init) : []
            guard parts.count == 2, rest.count == 2, let m = SurveyMetric(rawValue: rest[0].lowercased()),
                  let s = SurveyScale(parsing: rest[1], lowerIsBetter: lowerBetter) else {
                throw ValidationError("--question \"\(q)\" is not column=metric:scale, e.g. Q1=nps:0-10")
            }
            if let problem = QuestionSpec.problem(metric: m, scale: s) { throw ValidationError("--question \(q): \(problem)") }
            spec.questions.append(QuestionSpec(column: parts[0], metric: m, scale: s))
        }
        for pair in segment {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--segment \"\(pair)\" is not name=column")
            }
            spec.segments[parts[0]] = parts[1]
        }
        d.records = spec
    }
}

extension ReadingFlags {
    /// A `--location` must be one of the config's locations when it lists any: a configured list
    /// is the whole list, and a typo would file reviews (or filter flags) under a location no
    /// report shows.
    static func checkLocation(_ location: String, _ config: Configuration?) throws {
        let ids = config?.locations.map(\.id) ?? []
        guard ids.isEmpty || ids.contains(location) else {
            throw ValidationError("--location \"\(location)\" is not a configured location\(Suggestion.hint(location, ids)); locations: \(ids.joined(separator: ", "))")
        }
    }
}
