import ArgumentParser
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaNet
import ReputaOutput
import ReputaIngest

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate sources.yml and print the resolved configuration, secrets redacted.",
        discussion: """
        Warns on stderr (and still exits 0) when a route or default_channel in flags: names a channel \
        that notifications: does not define: flags routed there would reach no one.
        Exits 0 when valid, 64 with file:line:column and key otherwise.
        """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try guarded {
            let config = try global.loadConfig()
            // Every value from the file or the environment is shown with its control characters
            // escaped: a `${VAR}` holding a newline cannot fake a line of this listing.
            func v(_ text: String) -> String { TerminalText.visible(text) }
            var out = "config: \(v(config.file))\nversion: \(config.version)\n"
            out += "store: \(v(URLRedaction.redact(global.storePath(config))))\n"
            out += "snapshots: \(v(config.snapshots))\ntimezone: \(config.timezone)\n"
            out += "locations:\n"
            for l in config.locations {
                out += "  - \(v(l.id)): \(v(l.name))" + (l.aliases.isEmpty ? "" : " (aliases: \(v(l.aliases.joined(separator: "; "))))") + "\n"
            }
            out += "sources:\n"
            for s in config.sources {
                let d = s.descriptor
                out += "  - name: \(d.name)\n    kind: \(d.kind)\n    portal: \(v(d.portal))\n"
                if let url = s.url { out += "    url: \(v(URLRedaction.redact(url)))\n" }
                if let path = s.path { out += "    path: \(v(path))\n" }
                if !d.location.isEmpty { out += "    location: \(v(d.location))\n" }
                if !d.competitor.isEmpty { out += "    competitor: \(v(d.competitor))\n" }
                if let spec = d.records {
                    if let m = spec.metric { out += "    metric: \(m.rawValue)\n" }
                    if let sc = spec.scale { out += "    scale: \(sc)\n" }
                    for q in spec.questions { out += "    question: \(v(q.column)) = \(q.metric.rawValue) on \(q.scale)\n" }
                    for (k, value) in spec.segments.sorted(by: { $0.key < $1.key }) { out += "    segment.\(v(k)): \(v(value))\n" }
                } else {
                    out += "    scale: \(d.scale)\n"
                }
                if let every = s.every { out += "    every: \(ConfigLoader.durationText(every))\n" }
                if d.fullExport { out += "    full_export: true\n" }
                for (field, column) in d.mapping.sorted(by: { $0.key < $1.key }) { out += "    map.\(field): \(v(column))\n" }
                for (key, secret) in s.credentials { out += "    credentials.\(key): \(secret)\n" }
            }
            if config.sources.contains(where: { $0.descriptor.records != nil }) {
                out += "health: " + config.health.components.map { "\($0.name) ×\(Self.number($0.weight))" }.joined(separator: ", ")
                    + "; bands " + config.health.bands.map { "\($0.name) ≥ \(Self.number($0.from))" }.joined(separator: ", ") + "\n"
            }
            out += "report: lang \(config.report.lang), \(config.report.weeks) weeks, prior weight \(config.report.priorWeight)"
                + (config.report.outDir.map { ", copies in \($0)" } ?? "")
                + (config.report.mail.map { ", mailed via \(SMTPMailer(url: $0.url).server) to \($0.to.count) recipient(s)" } ?? "") + "\n"
            if !config.benchmarks.isEmpty {
                out += "benchmarks: " + config.benchmarks.map { v("\($0.metric) \($0.scale) \($0.subject) (\($0.source), \($0.year))") }
                    .joined(separator: "; ") + "\n"
            }
            let f = config.flags
            out += "flags: priority ≥ \(f.minPriority) normal, ≥ \(f.highFrom) high, ≥ \(f.urgentFrom) urgent; SLA "
                + FlagLevel.allCases.reversed().map { "\($0.rawValue) \(ConfigLoader.durationText(f.sla[$0] ?? 0))" }.joined(separator: ", ")
                + "; \(f.categories.count) categories, \(f.topics.count) topics, \(f.routes.count) routes"
                + (f.businessHours.isEmpty ? "" : "; business hours for " + f.businessHours.keys.map { $0.isEmpty ? "default" : $0 }.sorted().joined(separator: ", "))
                + "\n"
            for c in config.notifications.channels {
                out += "channel \(v(c.name)): \(c.kind.rawValue) \(v(c.destination))" + (c.secret == nil ? "" : ", signed")
                    + ((c.allowPrivateNetwork ?? config.http.allowPrivateNetwork) && c.kind != .email ? ", private network allowed" : "")
                    + (c.quietHours.map { ", quiet hours \($0.text)" } ?? "")
                    + (c.throttle.map { ", at most \($0.max) messages per \($0.per / 60) min (more become a digest)" } ?? "") + "\n"
            }
            if !config.reservedSections.isEmpty {
                out += "reserved (read by later stages): \(config.reservedSections.joined(separator: ", "))\n"
            }
            Console.out(out)
            let configured = Set(config.notifications.channels.map(\.name))
            for name in f.routedChannels where !configured.contains(name) {
                let by = f.routes.enumerated().filter { $0.element.channel == name }.map { "flags.routes[\($0.offset)]" }
                    + (f.defaultChannels.contains(name) ? ["flags.default_channel"] : [])
                Console.err("reputa: warning: \(config.file): \(by.joined(separator: ", ")) sends flags to channel \"\(name)\", "
                            + "which notifications.channels does not define: they would reach no one")
            }
            return .ok
        }
    }

    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
