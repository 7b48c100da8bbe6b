import Foundation
import ReputaCore
import ReputaIngest
import Yams

/// The `surveys`, `helpdesk` and `customers` sections (lists of file sources of internal
/// data) and the `health` model, read with the same strictness as `sources`.
extension ConfigLoader {
    static let internalSections = ["surveys", "helpdesk", "customers"]
    static let internalKeys = ["name", "kind", "path", "location", "timezone", "map", "delimiter", "metric", "scale",
                               "questions", "segments", "max_field_bytes", "stale_after"]
    static let questionKeys = ["column", "metric", "scale"]
    static let healthKeys = ["components", "bands"]
    static let componentKeys = ["name", "signal", "weight", "low", "high", "points"]
    static let bandKeys = ["name", "from"]

    mutating func internalSource(_ item: Node, section: String, path: String, timezone: String,
                                 locations: [Configuration.Location], aliases: [String: String],
                                 resolve: (String) -> String) throws -> Configuration.SourceEntry {
        let m = try mapping(item, path)
        try checkKeys(m, allowed: Self.internalKeys, path: path)
        let name = try required(m, "name", in: item, path: path)
        try checkName(name, m["name"], "\(path).name")
        let kindName = try required(m, "kind", in: item, path: path)
        let fitting = InternalKinds.all.filter { $0.section == section }.map(\.name)
        guard let kind = InternalKinds.named(kindName), kind.section == section else {
            throw error(m["kind"], "\(path).kind", "\"\(kindName)\" is not a \(section) kind\(Suggestion.hint(kindName, fitting)); kinds: \(fitting.joined(separator: ", "))")
        }
        let filePath = try required(m, "path", in: item, path: path)
        let location = try m["location"].map { try string($0, "\(path).location") } ?? ""
        if !location.isEmpty, !locations.isEmpty, !locations.contains(where: { $0.id == location }) {
            let ids = locations.map(\.id)
            throw error(m["location"], "\(path).location", "unknown location \"\(location)\"\(Suggestion.hint(location, ids)); locations: \(ids.joined(separator: ", "))")
        }
        var zone = timezone
        if let node = m["timezone"] {
            zone = try string(node, "\(path).timezone")
            guard TimeZone(identifier: zone) != nil else { throw error(node, "\(path).timezone", "unknown time zone \"\(zone)\"") }
        }
        var mapping: [String: String] = [:]
        if let node = m["map"] {
            let mm = try self.mapping(node, "\(path).map")
            try checkKeys(mm, allowed: kind.fields, path: "\(path).map")
            for (k, v) in mm.pairs { mapping[k] = try string(v, "\(path).map.\(k)") }
        }
        var delimiter: String? = nil
        if let node = m["delimiter"] {
            guard let d = CSVReviewImporter.delimiter(named: try string(node, "\(path).delimiter")) else {
                throw error(node, "\(path).delimiter", "must be \",\", \";\" or \"tab\"")
            }
            delimiter = d
        }
        var spec = RecordSpec()
        if let node = m["metric"] { spec.metric = try metric(node, "\(path).metric") }
        if let node = m["scale"] { spec.scale = try scale(node, "\(path).scale") }
        if let metric = spec.metric, let scale = spec.scale, let problem = QuestionSpec.problem(metric: metric, scale: scale) {
            throw error(m["scale"], "\(path).scale", problem)
        }
        if let node = m["questions"] {
            for (i, q) in try sequence(node, "\(path).questions").enumerated() {
                let qp = "\(path).questions[\(i)]"
                let qm = try self.mapping(q, qp)
                try checkKeys(qm, allowed: Self.questionKeys, path: qp)
                let column = try required(qm, "column", in: q, path: qp)
                guard let mn = qm["metric"] else { throw error(q, "\(qp).metric", "missing (csat, nps, ces or css)") }
                guard let sn = qm["scale"] else { throw error(q, "\(qp).scale", "missing: declare the scale (e.g. 1-5, 0-10); it is never guessed") }
                let question = QuestionSpec(column: column, metric: try metric(mn, "\(qp).metric"), scale: try scale(sn, "\(qp).scale"))
                if let problem = QuestionSpec.problem(metric: question.metric, scale: question.scale) {
                    throw error(sn, "\(qp).scale", problem)
                }
                spec.questions.append(question)
            }
        }
        if let node = m["segments"] {
            for (k, v) in try self.mapping(node, "\(path).segments").pairs {
                try checkName(k, node, "\(path).segments.\(k)")
                spec.segments[k] = try string(v, "\(path).segments.\(k)")
            }
        }
        if kindName == "survey-csv", spec.scale == nil, mapping["scale"] == nil {
            throw error(item, "\(path).scale", "missing: declare the scale (e.g. 1-5, 0-10) or map a scale column; it is never guessed")
        }
        if ["qualtrics", "survey-wide"].contains(kindName), spec.questions.isEmpty {
            throw error(item, "\(path).questions", "missing: list the score columns with their metric and scale")
        }
        let descriptor = SourceDescriptor(name: name, kind: kindName, portal: section, location: location, mapping: mapping,
                                          delimiter: delimiter, timezone: zone, reportingZone: timezone,
                                          locationAliases: aliases, records: spec,
                                          maxFieldBytes: try m["max_field_bytes"].map { try integer($0, "\(path).max_field_bytes", 1024...(1 << 30)) })
        return .init(descriptor: descriptor, url: nil, path: resolve(filePath), every: nil, credentials: [],
                     allowPrivateNetwork: nil, maxBytes: nil, maxPages: 1, storefronts: [], staleAfter: try staleAfter(m, path: path),
                     line: item.mark?.line ?? 0)
    }

    func metric(_ node: Node, _ path: String) throws -> SurveyMetric {
        let text = try string(node, path)
        guard let m = SurveyMetric(rawValue: text.lowercased()) else {
            throw error(node, path, "\"\(text)\" is not a survey metric (csat, nps, ces, css)")
        }
        return m
    }

    func scale(_ node: Node, _ path: String) throws -> SurveyScale {
        let text = try string(node, path)
        guard let s = SurveyScale(parsing: text) else {
            throw error(node, path, "\"\(text)\" is not a scale like 1-5, 0-10, \"1-5 lower-better\" or good-bad")
        }
        return s
    }

    /// `health:` → the model; the standard one when the section is absent.
    func healthModel(_ node: Node?) throws -> HealthModel {
        guard let node else { return .standard }
        let m = try mapping(node, "health")
        try checkKeys(m, allowed: Self.healthKeys, path: "health")
        var components: [HealthModel.Component] = []
        guard let list = m["components"] else { throw error(node, "health.components", "missing") }
        for (i, c) in try sequence(list, "health.components").enumerated() {
            let p = "health.components[\(i)]"
            let cm = try mapping(c, p)
            try checkKeys(cm, allowed: Self.componentKeys, path: p)
            let name = try required(cm, "name", in: c, path: p)
            let signal = try cm["signal"].map { try string($0, "\(p).signal") } ?? name
            guard let w = cm["weight"] else { throw error(c, "\(p).weight", "missing") }
            var component = HealthModel.Component(name: name, signal: signal.lowercased(), weight: try number(w, "\(p).weight", 0...1_000_000))
            if let pts = cm["points"] {
                for (label, v) in try mapping(pts, "\(p).points").pairs {
                    component.points[label.lowercased()] = try number(v, "\(p).points.\(label)", 0...100)
                }
            } else {
                guard let low = cm["low"], let high = cm["high"] else {
                    throw error(c, p, "a numeric component needs low (scores 0) and high (scores 100); a label one needs points")
                }
                component.low = try number(low, "\(p).low", -1e12...1e12)
                component.high = try number(high, "\(p).high", -1e12...1e12)
                if component.low == component.high { throw error(high, "\(p).high", "must differ from low") }
            }
            components.append(component)
        }
        guard components.contains(where: { $0.weight > 0 }) else { throw error(list, "health.components", "needs a component with a weight above 0") }
        var bands: [HealthModel.Band] = []
        if let b = m["bands"] {
            for (i, item) in try sequence(b, "health.bands").enumerated() {
                let p = "health.bands[\(i)]"
                let bm = try mapping(item, p)
                try checkKeys(bm, allowed: Self.bandKeys, path: p)
                guard let from = bm["from"] else { throw error(item, "\(p).from", "missing") }
                bands.append(.init(name: try required(bm, "name", in: item, path: p), from: try number(from, "\(p).from", 0...100)))
            }
        } else {
            bands = HealthModel.standard.bands
        }
        return HealthModel(components: components, bands: bands)
    }
}
