import Foundation
import ReputaCore
import Yams

/// The `notifications:` section.
extension ConfigLoader {
    static let notificationKeys = ["channels", "timeout", "max_retry_delay"]
    static let channelKeys = ["name", "slack", "teams", "webhook", "secret"]

    func notificationSettings(_ node: Node?) throws -> NotificationSettings {
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
        for (i, item) in try sequence(m["channels"] ?? .sequence(.init([])), "notifications.channels").enumerated() {
            let path = "notifications.channels[\(i)]"
            let c = try mapping(item, path)
            try checkKeys(c, allowed: Self.channelKeys, path: path)
            let name = try required(c, "name", in: item, path: path)
            try checkName(name, c["name"], "\(path).name")
            if settings.channel(named: name) != nil { throw error(c["name"], "\(path).name", "duplicate channel \"\(name)\"") }
            let kinds = NotificationSettings.Kind.allCases.filter { c[$0.rawValue] != nil }
            guard kinds.count == 1, let kind = kinds.first else {
                throw error(item, path, "needs exactly one of slack, teams or webhook (the URL to post to)")
            }
            let urlNode = c[kind.rawValue]!
            let url = try string(urlNode, "\(path).\(kind.rawValue)")
            let lower = url.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), URLComponents(string: url)?.host?.isEmpty == false else {
                throw error(urlNode, "\(path).\(kind.rawValue)", "must be an http:// or https:// URL")
            }
            let secret = try c["secret"].map { Secret(try string($0, "\(path).secret")) }
            if secret != nil, kind != .webhook {
                throw error(c["secret"], "\(path).secret", "only a generic webhook is signed; Slack and Teams URLs carry their own secret")
            }
            settings.channels.append(.init(name: name, kind: kind, url: Secret(url), secret: secret))
        }
        return settings
    }
}
