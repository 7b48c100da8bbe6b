import Foundation
import ReputaCore
import ReputaOutput
import Yams

/// The `notifications:` section.
extension ConfigLoader {
    static let notificationKeys = ["channels", "timeout", "max_retry_delay", "mail", "quiet_sources"]
    static let channelKeys = ["name", "slack", "teams", "webhook", "email", "secret", "quiet_hours", "throttle", "teams_format",
                              "allow_private_network", "lang"]
    /// The keys that name a channel's destination, one per kind (both Teams formats take `teams`).
    static var destinationKeys: [String] {
        var keys: [String] = []
        for kind in ChannelKind.allCases where !keys.contains(kind.configKey) { keys.append(kind.configKey) }
        return keys
    }

    /// `reportMail`: the server e-mail channels use when the section names none of its own.
    /// `lang`: the language channels write in when they name none (`report.lang`).
    func notificationSettings(_ node: Node?, timezone: String, reportMail: MailSettings?, lang: String = "en") throws -> NotificationSettings {
        var settings = NotificationSettings()
        guard let node else { return settings }
        let m = try mapping(node, "notifications")
        try checkKeys(m, allowed: Self.notificationKeys, path: "notifications")
        if let t = m["timeout"] {
            guard let s = Self.duration(try string(t, "notifications.timeout")), s <= 300 else {
                throw error(t, "notifications.timeout", "must be a duration up to 300s (20s, 1m)")
            }
            settings.timeout = s
        }
        if let t = m["max_retry_delay"] {
            guard let s = Self.duration(try string(t, "notifications.max_retry_delay")), s >= 60 else {
                throw error(t, "notifications.max_retry_delay", "must be a duration of at least 1m (30m, 1h)")
            }
            settings.maxRetryDelay = s
        }
        settings.mail = try m["mail"].map { try mailSettings($0, path: "notifications.mail", withRecipients: false) } ?? reportMail
        for (i, item) in try sequence(m["channels"] ?? .sequence(.init([])), "notifications.channels").enumerated() {
            let path = "notifications.channels[\(i)]"
            let c = try mapping(item, path)
            try checkKeys(c, allowed: Self.channelKeys, path: path)
            let name = try required(c, "name", in: item, path: path)
            try checkName(name, c["name"], "\(path).name")
            if settings.channel(named: name) != nil { throw error(c["name"], "\(path).name", "duplicate channel \"\(name)\"") }
            let keys = Self.destinationKeys.filter { c[$0] != nil }
            guard keys.count == 1, let key = keys.first, var kind = ChannelKind.allCases.first(where: { $0.configKey == key }) else {
                throw error(item, path, "needs exactly one of slack, teams, webhook (the URL to post to) or email (the addresses)")
            }
            if let f = c["teams_format"] {
                let format = try string(f, "\(path).teams_format")
                guard kind == .teams else { throw error(f, "\(path).teams_format", "only a teams channel has a format") }
                switch format {
                case "adaptive": break
                case "messagecard": kind = .teamsMessageCard
                default: throw error(f, "\(path).teams_format", "\"\(format)\" is not adaptive (Workflows webhooks, the default) or messagecard (legacy Office 365 connectors)")
                }
            }
            let target = c[key]!
            var channel = NotificationSettings.Channel(name: name, kind: kind, url: Secret(""))
            if kind == .email {
                guard settings.mail != nil else {
                    throw error(target, "\(path).email", "needs an SMTP server: notifications.mail or report.mail (url, from)")
                }
                channel.recipients = try recipients(target, "\(path).email")
            } else {
                let url = try string(target, "\(path).\(key)")
                let lower = url.lowercased()
                guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), URLComponents(string: url)?.host?.isEmpty == false else {
                    throw error(target, "\(path).\(key)", "must be an http:// or https:// URL")
                }
                channel.url = Secret(url)
            }
            channel.lang = try c["lang"].map { try reportLanguage($0, "\(path).lang") } ?? lang
            channel.secret = try c["secret"].map { Secret(try string($0, "\(path).secret")) }
            if channel.secret != nil, kind != .webhook {
                throw error(c["secret"], "\(path).secret", "only a generic webhook is signed; Slack and Teams URLs carry their own secret")
            }
            if let q = c["quiet_hours"] {
                switch QuietHours.parse(try string(q, "\(path).quiet_hours"), zone: timezone) {
                case .success(let hours): channel.quietHours = hours
                case .failure(let problem): throw error(q, "\(path).quiet_hours", problem.message)
                }
            }
            if let t = c["throttle"] { channel.throttle = try throttle(t, "\(path).throttle") }
            if let a = c["allow_private_network"] {
                guard kind != .email else {
                    throw error(a, "\(path).allow_private_network", "an e-mail channel goes through the SMTP server of notifications.mail, which is not vetted")
                }
                channel.allowPrivateNetwork = try bool(a, "\(path).allow_private_network")
            }
            settings.channels.append(channel)
        }
        if let q = m["quiet_sources"] {
            let names = q.scalar != nil ? [try string(q, "notifications.quiet_sources")]
                : try sequence(q, "notifications.quiet_sources").enumerated().map { try string($1, "notifications.quiet_sources[\($0)]") }
            let known = settings.channels.map(\.name)
            for name in names where !known.contains(name) {
                throw error(q, "notifications.quiet_sources", "no channel \"\(name)\" in notifications.channels\(Suggestion.hint(name, known))")
            }
            settings.quietSourceChannels = names
        }
        return settings
    }

    /// `{max: 5, per: 15m}`.
    func throttle(_ node: Node, _ path: String) throws -> NotificationSettings.Throttle {
        let m = try mapping(node, path)
        try checkKeys(m, allowed: ["max", "per"], path: path)
        guard let maxNode = m["max"] else { throw error(node, "\(path).max", "missing (messages per window)") }
        guard let perNode = m["per"] else { throw error(node, "\(path).per", "missing (the window, 15m)") }
        let max = try integer(maxNode, "\(path).max", 1...1000)
        guard let per = Self.duration(try string(perNode, "\(path).per")), (60...86_400).contains(per) else {
            throw error(perNode, "\(path).per", "must be a duration from 1m to 24h (15m, 1h)")
        }
        return .init(max: max, per: per)
    }
}
