import Foundation
import ReputaCore
import ReputaNet
import ReputaIngest
import ReputaOutput
import Yams

/// Reads `sources.yml` strictly: unknown keys, wrong types, unset `${VAR}`s and duplicate names
/// are errors with file, line, column and key path. Environment values are substituted only
/// inside scalars, after YAML parsing, so they can never add structure.
public struct ConfigLoader {
    static let maxBytes = 1 << 20
    /// YAML nodes reached a second time through an alias (`*name`) at most. Alias bombs expand
    /// into exponentially many nodes; the walk stops long before that. Nodes written out in the
    /// file are not counted (the 1 MiB file cap bounds them): a config with 10,000 sources is fine.
    static let maxAliasNodes = 100_000

    static let topKeys = ["version", "store", "snapshots", "timezone", "http", "locations", "sources", "surveys", "helpdesk",
                           "customers", "health", "benchmarks", "report", "flags", "notifications", "replies", "serve"]
    static let httpKeys = ["user_agent", "max_bytes", "connect_timeout", "timeout", "low_speed_time", "retries",
                           "retry_delay", "max_retry_after", "max_defer", "host_delay", "allow_private_network", "ca_bundle",
                           "concurrency"]
    static let reservedKeys: [String] = []

    /// Every key sources.yml accepts, by where it sits (`sources[]`: each entry of the list;
    /// `<location>`: a location id), the keys of mappings whose keys are the user's own (source
    /// `credentials`, survey `segments`, the internal kinds' `map` fields) aside. The
    /// configuration reference (docs/configuration.md, "Key reference") must list exactly these:
    /// `DocsDriftTests` fails on a key missing there or documented and refused here.
    package static var keyCatalogue: [String: [String]] {
        [
            "": topKeys, "http": httpKeys, "locations[]": locationKeys, "sources[]": sourceKeys,
            "sources[].map": Kinds.mappingFields(for: "json"),
            "surveys[]": internalKeys, "helpdesk[]": internalKeys, "customers[]": internalKeys,
            "surveys[].questions[]": questionKeys,
            "health": healthKeys, "health.components[]": componentKeys, "health.bands[]": bandKeys,
            "benchmarks[]": benchmarkKeys,
            "report": reportKeys, "report.mail": mailKeys, "report.recipients.<location>": recipientKeys,
            "flags": flagKeys, "flags.sla": FlagLevel.allCases.map(\.rawValue), "flags.business_hours": ["default", "<location>"],
            "flags.reach": ["helpful_votes", "author_reviews"], "flags.spike": ["count", "within"],
            "flags.categories[]": groupKeys, "flags.topics[]": ["id", "name", "terms"], "flags.routes[]": routeKeys,
            "notifications": notificationKeys, "notifications.channels[]": channelKeys,
            "notifications.channels[].throttle": ["max", "per"], "notifications.mail": mailKeys.filter { $0 != "to" },
            "replies": replyKeys, "replies.templates[]": replyTemplateKeys,
            "serve": serveKeys,
        ]
    }
    static let locationKeys = ["id", "name", "aliases", "timezone"]
    static let sourceKeys = ["name", "kind", "portal", "url", "path", "location", "competitor", "every",
                             "credentials", "scale", "map", "delimiter", "full_export", "timezone",
                             "allow_private_network", "max_bytes", "max_pages", "storefronts", "max_field_bytes",
                             "review_url", "reply_url", "stale_after"]

    let file: String
    let environment: [String: String]
    /// Alias expansions left, and the nodes already met (by position and kind).
    var budget = maxAliasNodes
    var met = Set<Int>()

    public init(file: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.file = file
        self.environment = environment
    }

    public static func load(file: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        var loader = ConfigLoader(file: file, environment: environment)
        return try loader.load()
    }

    func error(_ node: Node?, _ key: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, key: key, message: message)
    }

    mutating func load() throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: file) else {
            let exists = FileManager.default.fileExists(atPath: file)
            throw ConfigError(file: file, message: exists ? "cannot read the file" :
                "no such file (pass --config or set REPUTA_CONFIG)")
        }
        guard data.count <= Self.maxBytes else {
            throw ConfigError(file: file, message: "\(data.count) bytes; a configuration is at most \(Self.maxBytes)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: file, message: "not valid UTF-8")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ConfigError(file: file, message: "empty file") }
            root = node
        } catch let e as YamlError {
            throw yamlError(e)
        }
        try count(root, "")
        let top = try mapping(root, "")
        try checkKeys(top, allowed: Self.topKeys + Self.reservedKeys, path: "")

        guard let versionNode = top["version"] else { throw error(root, "version", "missing (this build reads version 1)") }
        guard let version = versionNode.int else { throw error(versionNode, "version", "must be an integer") }
        guard version == 1 else { throw error(versionNode, "version", "is \(version); this build reads version 1") }

        let folder = (file as NSString).deletingLastPathComponent
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
        }
        var store = try top["store"].map { try string($0, "store") } ?? "var/reputa.sqlite"
        if !store.contains("://") { store = resolve(store) }
        let snapshots = resolve(try top["snapshots"].map { try string($0, "snapshots") } ?? "snapshots")
        let timezone = try top["timezone"].map { try string($0, "timezone") } ?? "Europe/Rome"
        if TimeZone(identifier: timezone) == nil {
            throw error(top["timezone"], "timezone", "unknown time zone \"\(timezone)\" (use an IANA name such as Europe/Rome)")
        }

        var http = HTTPPolicy()
        var concurrency = 4
        if let node = top["http"] {
            let m = try mapping(node, "http")
            try checkKeys(m, allowed: Self.httpKeys, path: "http")
            for (key, value) in m.pairs {
                let path = "http.\(key)"
                switch key {
                case "user_agent":
                    http.userAgent = try string(value, path)
                    try checkHeaderValue(http.userAgent, value, path)
                case "max_bytes": http.maxBytes = try integer(value, path, 1...(1 << 34))
                case "connect_timeout": http.connectTimeout = try integer(value, path, 1...600)
                case "timeout": http.totalTimeout = try integer(value, path, 1...3600)
                case "low_speed_time": http.lowSpeedTime = try integer(value, path, 1...3600)
                case "retries": http.retries = try integer(value, path, 0...10)
                case "retry_delay": http.retryDelay = try number(value, path, 0...600)
                case "max_retry_after": http.maxRetryAfter = try integer(value, path, 0...3600)
                case "max_defer":
                    guard let seconds = Self.duration(try string(value, path)), (60...(30 * 86_400)).contains(seconds) else {
                        throw error(value, path, "must be a duration from 1m to 30d, e.g. 24h")
                    }
                    http.maxDefer = seconds
                case "host_delay": http.hostDelay = try number(value, path, 0...600)
                case "allow_private_network": http.allowPrivateNetwork = try bool(value, path)
                case "ca_bundle": http.caBundle = resolve(try string(value, path))
                default: concurrency = try integer(value, path, 1...32)
                }
            }
        }

        var locations: [Configuration.Location] = []
        if let node = top["locations"] {
            for (i, item) in try sequence(node, "locations").enumerated() {
                let path = "locations[\(i)]"
                let m = try mapping(item, path)
                try checkKeys(m, allowed: Self.locationKeys, path: path)
                let id = try required(m, "id", in: item, path: path)
                try checkName(id, m["id"], "\(path).id")
                if locations.contains(where: { $0.id == id }) { throw error(m["id"], "\(path).id", "duplicate location \"\(id)\"") }
                let name = try m["name"].map { try string($0, "\(path).name") } ?? id
                let aliases = try m["aliases"].map { try sequence($0, "\(path).aliases").enumerated().map {
                    try string($1, "\(path).aliases[\($0)]")
                } } ?? []
                var zone: String? = nil
                if let node = m["timezone"] {
                    let text = try string(node, "\(path).timezone")
                    guard TimeZone(identifier: text) != nil else {
                        throw error(node, "\(path).timezone", "unknown time zone \"\(text)\" (use an IANA name such as Europe/Rome)")
                    }
                    zone = text
                }
                locations.append(.init(id: id, name: name, aliases: aliases, timezone: zone))
            }
        }
        let aliases = Configuration.aliasMap(locations)

        var sources: [Configuration.SourceEntry] = []
        if let node = top["sources"] {
            for (i, item) in try sequence(node, "sources").enumerated() {
                let entry = try source(item, path: "sources[\(i)]", timezone: timezone, locations: locations,
                                       aliases: aliases, resolve: resolve)
                if sources.contains(where: { $0.descriptor.name == entry.descriptor.name }) {
                    throw error(item, "sources[\(i)].name", "duplicate source name \"\(entry.descriptor.name)\"")
                }
                sources.append(entry)
            }
        }
        for section in Self.internalSections {
            guard let node = top[section] else { continue }
            for (i, item) in try sequence(node, section).enumerated() {
                let entry = try internalSource(item, section: section, path: "\(section)[\(i)]", timezone: timezone,
                                               locations: locations, aliases: aliases, resolve: resolve)
                if sources.contains(where: { $0.descriptor.name == entry.descriptor.name }) {
                    throw error(item, "\(section)[\(i)].name", "duplicate source name \"\(entry.descriptor.name)\" (names are shared by all sections)")
                }
                sources.append(entry)
            }
        }
        let flags = try flagRules(top["flags"], timezone: timezone, locations: locations)
        let report = try reportSettings(top["report"], locations: locations, resolve: resolve)
        let notifications = try notificationSettings(top["notifications"], timezone: timezone, reportMail: report.mail, lang: report.lang)
        // With delivery configured, a route to a channel it does not know would never be heard.
        if !notifications.channels.isEmpty {
            let known = notifications.channels.map(\.name)
            for (i, route) in flags.routes.enumerated() where !known.contains(route.channel) {
                throw error(top["flags"], "flags.routes[\(i)].channel",
                            "no channel \"\(route.channel)\" in notifications.channels\(Suggestion.hint(route.channel, known)); channels: \(known.joined(separator: ", "))")
            }
            for channel in flags.defaultChannels where !known.contains(channel) {
                throw error(top["flags"], "flags.default_channel", "no channel \"\(channel)\" in notifications.channels; channels: \(known.joined(separator: ", "))")
            }
        }
        var configuration = Configuration(file: file, version: version, store: store, snapshots: snapshots, timezone: timezone,
                                          http: http, concurrency: concurrency, locations: locations, sources: sources,
                                          health: try healthModel(top["health"]),
                                          report: report, benchmarks: try benchmarks(top["benchmarks"]),
                                          flags: flags, notifications: notifications,
                                          reservedSections: Self.reservedKeys.filter { top[$0] != nil })
        configuration.replies = try replySettings(top["replies"], flags: FlagRulesIDs(categories: flags.categories.map(\.id),
                                                                                       topics: flags.topics.map(\.id)))
        configuration.serve = try serveSection(top["serve"])
        return configuration
    }

    mutating func source(_ item: Node, path: String, timezone: String, locations: [Configuration.Location],
                         aliases: [String: String], resolve: (String) -> String) throws -> Configuration.SourceEntry {
        let m = try mapping(item, path)
        try checkKeys(m, allowed: Self.sourceKeys, path: path)
        let name = try required(m, "name", in: item, path: path)
        try checkName(name, m["name"], "\(path).name")
        let kindName = try required(m, "kind", in: item, path: path)
        guard let kind = Kinds.named(kindName) else {
            throw error(m["kind"], "\(path).kind", "unknown kind \"\(kindName)\"\(Suggestion.hint(kindName, Kinds.names)); kinds: \(Kinds.names.joined(separator: ", "))")
        }
        let url = try m["url"].map { try string($0, "\(path).url") }
        let rawPath = try m["path"].map { try string($0, "\(path).path") }
        switch (url, rawPath) {
        case (nil, nil): throw error(item, path, "needs a url or a path")
        case (.some, .some): throw error(m["path"], path, "has both url and path; give one")
        case let (.some(u), nil):
            let lower = u.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                throw error(m["url"], "\(path).url", "must be an http:// or https:// URL")
            }
        default: break
        }
        let location = try m["location"].map { try string($0, "\(path).location") } ?? ""
        if !location.isEmpty, !locations.isEmpty, !locations.contains(where: { $0.id == location }) {
            let ids = locations.map(\.id)
            throw error(m["location"], "\(path).location", "unknown location \"\(location)\"\(Suggestion.hint(location, ids)); locations: \(ids.joined(separator: ", "))")
        }
        var every: Int? = nil
        if let node = m["every"] {
            let text = try string(node, "\(path).every")
            guard let seconds = Self.duration(text) else {
                throw error(node, "\(path).every", "\"\(text)\" is not a duration like 30m, 6h or 1d")
            }
            every = seconds
        }
        var scale = RatingScale.fiveStars
        if let node = m["scale"] {
            let text = try string(node, "\(path).scale")
            guard let s = RatingScale(parsing: text) else { throw error(node, "\(path).scale", "\"\(text)\" is not a scale like 1-5 or 0-10") }
            scale = s
        }
        var mapping: [String: String] = [:]
        if let node = m["map"] {
            let mm = try self.mapping(node, "\(path).map")
            guard Kinds.takesMapping(kindName) else {
                throw error(node, "\(path).map", "kind \(kindName) reads its portal's own fields; a mapping is for \(Kinds.mappedKinds.joined(separator: ", ")) (the location comes from `location`)")
            }
            try checkKeys(mm, allowed: Kinds.mappingFields(for: kindName), path: "\(path).map")
            for (k, v) in mm.pairs { mapping[k] = try string(v, "\(path).map.\(k)") }
        }
        var delimiter: String? = nil
        if let node = m["delimiter"] {
            guard let resolved = CSVReviewImporter.delimiter(named: try string(node, "\(path).delimiter")) else {
                throw error(node, "\(path).delimiter", "must be \",\", \";\" or \"tab\"")
            }
            delimiter = resolved
        }
        let fullExport = try m["full_export"].map { try bool($0, "\(path).full_export") } ?? false
        // Credentials are HTTP headers (`Authorization: Bearer ${TOKEN}`), sent to the source's
        // own origin only; a CR or LF in a value could forge headers, so it is refused here.
        var credentials: [(name: String, value: Secret)] = []
        if let node = m["credentials"] {
            for (k, v) in try self.mapping(node, "\(path).credentials").pairs {
                let keyPath = "\(path).credentials.\(k)"
                guard !k.isEmpty, k.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != 58 }) else {
                    throw error(v, keyPath, "\"\(k)\" is not an HTTP header name")
                }
                let value = try string(v, keyPath)
                try checkHeaderValue(value, v, keyPath)
                credentials.append((k, Secret(value)))
            }
        }
        let allowPrivate = try m["allow_private_network"].map { try bool($0, "\(path).allow_private_network") }
        let maxBytes = try m["max_bytes"].map { try integer($0, "\(path).max_bytes", 1...(1 << 34)) }
        let maxFieldBytes = try m["max_field_bytes"].map { try integer($0, "\(path).max_field_bytes", 1024...(1 << 30)) }
        let maxPages = try m["max_pages"].map { try integer($0, "\(path).max_pages", 1...1000) } ?? 10
        let storefronts = try m["storefronts"].map { try sequence($0, "\(path).storefronts").enumerated().map {
            try string($1, "\(path).storefronts[\($0)]")
        } } ?? []
        if !storefronts.isEmpty, url?.contains("{storefront}") != true {
            throw error(m["storefronts"], "\(path).storefronts", "needs a url containing {storefront}")
        }
        if storefronts.isEmpty, url?.contains("{storefront}") == true {
            throw error(m["url"], "\(path).url", "contains {storefront} but the source lists no storefronts")
        }
        // Links to a flag's review on its portal (ReviewLinks): https templates with {id} or {id_last}.
        var links: [String: String] = [:]
        for key in ["review_url", "reply_url"] {
            guard let node = m[key] else { continue }
            let text = try string(node, "\(path).\(key)")
            let rest = ReviewLinks.placeholders.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
            guard text.hasPrefix("https://"), URL(string: rest) != nil, !rest.contains("{"), !rest.contains("}") else {
                throw error(node, "\(path).\(key)", "must be an https:// URL, with {id} or {id_last} for the portal's review id")
            }
            links[key] = text
        }
        var sourceZone = timezone
        if let node = m["timezone"] {
            sourceZone = try string(node, "\(path).timezone")
            guard TimeZone(identifier: sourceZone) != nil else {
                throw error(node, "\(path).timezone", "unknown time zone \"\(sourceZone)\" (use an IANA name such as Europe/Rome or UTC)")
            }
        }
        let descriptor = SourceDescriptor(
            name: name, kind: kindName,
            portal: try m["portal"].map { try string($0, "\(path).portal") } ?? kind.portal,
            location: location, competitor: try m["competitor"].map { try string($0, "\(path).competitor") } ?? "",
            scale: scale, mapping: mapping, delimiter: delimiter, timezone: sourceZone, reportingZone: timezone,
            fullExport: fullExport,
            locationAliases: aliases, maxFieldBytes: maxFieldBytes)
        return .init(descriptor: descriptor, url: url, path: rawPath.map(resolve), every: every,
                     credentials: credentials, allowPrivateNetwork: allowPrivate, maxBytes: maxBytes,
                     maxPages: maxPages, storefronts: storefronts, reviewURL: links["review_url"], replyURL: links["reply_url"],
                     staleAfter: try staleAfter(m, path: path),
                     line: item.mark?.line ?? 0)
    }

    /// A source's `stale_after`: a duration of an hour or more (36h, 10d).
    func staleAfter(_ m: Mapping, path: String) throws -> Int? {
        try m["stale_after"].map { node in
            let text = try string(node, "\(path).stale_after")
            guard let seconds = Self.duration(text), seconds >= 3600 else {
                throw error(node, "\(path).stale_after", "\"\(text)\" is not a duration of an hour or more like 36h or 10d")
            }
            return seconds
        }
    }

    // MARK: Node helpers

    struct Mapping {
        var pairs: [(String, Node)]
        var keyNodes: [String: Node]
        subscript(key: String) -> Node? { pairs.first { $0.0 == key }?.1 }
    }

    /// Walks the tree once, counting the nodes met again: an alias's copy carries its anchor's
    /// position, so a second meeting is an expansion.
    mutating func count(_ node: Node, _ path: String) throws {
        if let mark = node.mark {
            let kind: Int
            switch node { case .mapping: kind = 1; case .sequence: kind = 2; default: kind = 0 }
            if !met.insert((mark.line << 24 | mark.column) << 2 | kind).inserted {
                budget -= 1
                guard budget >= 0 else {
                    throw error(node, path, "aliases expand to more than \(Self.maxAliasNodes) YAML nodes (an alias bomb?); refusing to read further")
                }
            }
        }
        switch node {
        case let .mapping(m): for (k, v) in m { try count(k, path); try count(v, path) }
        case let .sequence(s): for v in s { try count(v, path) }
        default: break
        }
    }

    func mapping(_ node: Node, _ path: String) throws -> Mapping {
        guard case let .mapping(m) = node else {
            throw error(node, path.isEmpty ? "(top level)" : path, "must be a mapping of key: value")
        }
        var pairs: [(String, Node)] = []
        var keyNodes: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.scalar?.string else { throw error(k, path, "keys must be plain text") }
            pairs.append((key, v))
            keyNodes[key] = k
        }
        return Mapping(pairs: pairs, keyNodes: keyNodes)
    }

    func sequence(_ node: Node, _ path: String) throws -> [Node] {
        guard case let .sequence(s) = node else { throw error(node, path, "must be a list") }
        return Array(s)
    }

    func checkKeys(_ m: Mapping, allowed: [String], path: String) throws {
        for (key, _) in m.pairs where !allowed.contains(key) {
            let at = path.isEmpty ? key : "\(path).\(key)"
            throw error(m.keyNodes[key], at, "unknown key\(Suggestion.hint(key, allowed)); allowed: \(allowed.joined(separator: ", "))")
        }
    }

    func required(_ m: Mapping, _ key: String, in node: Node, path: String) throws -> String {
        guard let v = m[key] else { throw error(node, "\(path).\(key)", "missing") }
        let s = try string(v, "\(path).\(key)")
        guard !s.isEmpty else { throw error(v, "\(path).\(key)", "must not be empty") }
        return s
    }

    func integer(_ node: Node, _ path: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let n = Int(try string(node, path)), range.contains(n) else {
            throw error(node, path, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    func number(_ node: Node, _ path: String, _ range: ClosedRange<Double>) throws -> Double {
        guard let n = Double(try string(node, path)), range.contains(n) else {
            throw error(node, path, "must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    func bool(_ node: Node, _ path: String) throws -> Bool {
        guard node.scalar != nil, let b = node.bool else { throw error(node, path, "must be true or false") }
        return b
    }

    func checkHeaderValue(_ value: String, _ node: Node, _ path: String) throws {
        if value.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 0 }) {
            throw error(node, path, "contains a line break, which would forge HTTP headers")
        }
    }

    /// Names become folder names under `snapshots/`: keep them to a safe alphabet.
    func checkName(_ name: String, _ node: Node?, _ path: String) throws {
        let ok = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        guard ok, !name.hasPrefix("."), name.count <= 64 else {
            throw error(node, path, "\"\(name)\" must use only letters, digits, '.', '_' and '-' (at most 64), not starting with '.'")
        }
    }

    /// A scalar as text, with `${VAR}` replaced from the environment and `$$` as a literal `$`.
    func string(_ node: Node, _ path: String) throws -> String {
        guard case let .scalar(s) = node else { throw error(node, path, "must be a single value, not a list or mapping") }
        return try interpolate(s.string, node: node, path: path)
    }

    func interpolate(_ text: String, node: Node, path: String) throws -> String {
        guard text.contains("$") else { return text }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            let next = text.index(after: i)
            if ch == "$", next < text.endIndex, text[next] == "$" {
                out.append("$")
                i = text.index(after: next)
            } else if ch == "$", next < text.endIndex, text[next] == "{" {
                guard let close = text[next...].firstIndex(of: "}") else {
                    throw error(node, path, "unclosed ${ in value")
                }
                let name = String(text[text.index(after: next)..<close])
                guard !name.isEmpty, name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
                    throw error(node, path, "\"${\(name)}\" is not an environment variable name")
                }
                guard let value = environment[name] else {
                    throw error(node, path, "environment variable \(name) is not set")
                }
                out += value
                i = text.index(after: close)
            } else {
                out.append(ch)
                i = next
            }
        }
        return out
    }

    /// 21600 → "6h": the largest unit that divides the interval.
    public static func durationText(_ seconds: Int) -> String {
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }

    public static func duration(_ text: String) -> Int? {
        guard let unit = text.last, let n = Int(text.dropLast()), n > 0 else { return nil }
        switch unit {
        case "s": return n
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86_400
        default: return nil
        }
    }

    func yamlError(_ e: YamlError) -> ConfigError {
        switch e {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ConfigError(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ConfigError(file: file, line: context.mark.line, column: context.mark.column,
                               key: duplicates.joined(separator: ", "), message: "duplicate key")
        default:
            return ConfigError(file: file, message: "YAML: " + "\(e)".split(separator: "\n").first.map(String.init)!)
        }
    }
}
