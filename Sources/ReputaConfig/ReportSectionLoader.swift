import Foundation
import ReputaCore
import ReputaOutput
import Yams

/// The `report:` and `benchmarks:` sections.
extension ConfigLoader {
    static let reportKeys = ["lang", "weeks", "prior_weight", "out_dir", "mail", "recipients"]
    static let recipientKeys = ["to", "lang"]
    static let mailKeys = ["url", "starttls", "from", "to", "username", "password", "timeout"]
    static let benchmarkKeys = ["metric", "scale", "value", "industry", "competitor", "portal", "source", "year", "method"]

    func reportSettings(_ node: Node?, locations: [Configuration.Location], resolve: (String) -> String) throws -> ReportSettings {
        var settings = ReportSettings()
        guard let node else { return settings }
        let m = try mapping(node, "report")
        try checkKeys(m, allowed: Self.reportKeys, path: "report")
        for (key, value) in m.pairs {
            let path = "report.\(key)"
            switch key {
            case "lang": settings.lang = try reportLanguage(value, path)
            case "weeks": settings.weeks = try integer(value, path, 2...104)
            case "prior_weight": settings.priorWeight = try number(value, path, 0...10_000)
            case "out_dir": settings.outDir = resolve(try string(value, path))
            case "recipients": settings.recipients = try locationRecipients(value, path, locations: locations)
            default: settings.mail = try mailSettings(value)
            }
        }
        if !settings.recipients.isEmpty, settings.mail == nil {
            throw error(m["recipients"], "report.recipients", "needs report.mail (the server and sender the reports go through)")
        }
        return settings
    }

    func reportLanguage(_ node: Node, _ path: String) throws -> String {
        let lang = try string(node, path)
        guard ReportLanguage.named(lang) != nil else { throw error(node, path, "\"\(lang)\" is not a report language (en, it)") }
        return lang
    }

    /// `report.recipients`: location id → its manager's addresses (a list), or `{to: [...], lang: it}`.
    func locationRecipients(_ node: Node, _ path: String, locations: [Configuration.Location]) throws -> [ReportSettings.LocationRecipients] {
        let m = try mapping(node, path)
        let ids = locations.map(\.id)
        return try m.pairs.map { id, value in
            guard ids.contains(id) else {
                throw error(m.keyNodes[id], "\(path).\(id)", "unknown location \"\(id)\"\(Suggestion.hint(id, ids)); locations: \(ids.joined(separator: ", "))")
            }
            let here = "\(path).\(id)"
            guard case .mapping = value else { return ReportSettings.LocationRecipients(location: id, to: try recipients(value, here), lang: nil) }
            let entry = try mapping(value, here)
            try checkKeys(entry, allowed: Self.recipientKeys, path: here)
            guard let to = entry["to"] else { throw error(value, "\(here).to", "missing (the recipients)") }
            return ReportSettings.LocationRecipients(location: id, to: try recipients(to, "\(here).to"),
                                                     lang: try entry["lang"].map { try reportLanguage($0, "\(here).lang") })
        }
    }

    /// An SMTP server and sender: `report.mail` (with its recipients `to`) or `notifications.mail`
    /// (`withRecipients: false`; each e-mail channel names its own).
    func mailSettings(_ node: Node, path: String = "report.mail", withRecipients: Bool = true) throws -> MailSettings {
        let m = try mapping(node, path)
        try checkKeys(m, allowed: withRecipients ? Self.mailKeys : Self.mailKeys.filter { $0 != "to" }, path: path)
        let url = try required(m, "url", in: node, path: path)
        guard let scheme = URLComponents(string: url)?.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme),
              URLComponents(string: url)?.host?.isEmpty == false else {
            throw error(m["url"], "\(path).url", "must be smtp://host[:port] or smtps://host[:port]")
        }
        let from = try required(m, "from", in: node, path: path)
        guard Self.isMailbox(from) else { throw error(m["from"], "\(path).from", "\"\(from)\" is not a mail address") }
        var to: [String] = []
        if withRecipients {
            guard let toNode = m["to"] else { throw error(node, "\(path).to", "missing (the recipients)") }
            to = try recipients(toNode, "\(path).to")
        }
        var timeout = 60
        if let t = m["timeout"] {
            guard let s = Self.duration(try string(t, "\(path).timeout")), s <= 600 else {
                throw error(t, "\(path).timeout", "must be a duration up to 600s (30s, 2m)")
            }
            timeout = s
        }
        return MailSettings(url: url, starttls: try m["starttls"].map { try bool($0, "\(path).starttls") } ?? true,
                            from: from, to: to,
                            username: try m["username"].map { Secret(try string($0, "\(path).username")) },
                            password: try m["password"].map { Secret(try string($0, "\(path).password")) },
                            timeout: timeout)
    }

    /// A list of one or more mail addresses (a single string is a list of one).
    func recipients(_ node: Node, _ path: String) throws -> [String] {
        let to = node.scalar != nil ? [try string(node, path)]
            : try sequence(node, path).enumerated().map { try string($1, "\(path)[\($0)]") }
        for address in to where !Self.isMailbox(address) { throw error(node, path, "\"\(address)\" is not a mail address") }
        guard !to.isEmpty else { throw error(node, path, "needs at least one recipient") }
        return to
    }

    /// `name@host` or `Display Name <name@host>`, with no line breaks (they would forge headers).
    static func isMailbox(_ text: String) -> Bool {
        guard !text.contains(where: { $0 == "\r" || $0 == "\n" }) else { return false }
        let address = text.firstIndex(of: "<").map { String(text[text.index(after: $0)...].prefix { $0 != ">" }) } ?? text
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && (parts[1].contains(".") || parts[1] == "localhost")
    }

    func benchmarks(_ node: Node?) throws -> [Benchmark] {
        guard let node else { return [] }
        return try sequence(node, "benchmarks").enumerated().map { i, item in
            let path = "benchmarks[\(i)]"
            let m = try mapping(item, path)
            try checkKeys(m, allowed: Self.benchmarkKeys, path: path)
            let metric = try required(m, "metric", in: item, path: path)
            let scale = try required(m, "scale", in: item, path: path)
            if let problem = Benchmark.scaleProblem(metric: metric, scale: scale) {
                throw error(Benchmark.metrics[metric] == nil ? m["metric"] : m["scale"],
                            "\(path).\(Benchmark.metrics[metric] == nil ? "metric" : "scale")", problem)
            }
            guard let valueNode = m["value"] else { throw error(item, "\(path).value", "missing") }
            let value = try number(valueNode, "\(path).value", -100...100)
            let subject = try m["industry"].map { try string($0, "\(path).industry") }
                ?? m["competitor"].map { try string($0, "\(path).competitor") }
            guard let subject else { throw error(item, "\(path).industry", "missing (name the industry or the competitor)") }
            guard let yearNode = m["year"] else { throw error(item, "\(path).year", "missing (when the figure was published)") }
            return Benchmark(metric: metric, scale: scale, value: value, subject: subject,
                             portal: try m["portal"].map { try string($0, "\(path).portal") } ?? "",
                             source: try required(m, "source", in: item, path: path),
                             year: try integer(yearNode, "\(path).year", 1990...2100),
                             method: try required(m, "method", in: item, path: path))
        }
    }
}
