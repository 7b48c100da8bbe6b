/// The one way a URL is shown (logs, errors, `check`, stored errors): never its userinfo, and
/// as much of the rest as the place allows.
public enum URLRedaction {
    public enum Keep: Sendable {
        /// Path and query, with secret-looking query values replaced (a source's URL).
        case query
        /// The path, without any query (a store's URL, whose options may carry a password).
        case path
        /// Scheme, host and port only: the path holds the secret of a Slack or Teams webhook.
        case host
    }

    static let secretKeys = ["token", "key", "apikey", "api_key", "sig", "signature", "access_token", "password"]

    public static func redact(_ url: String, keeping keep: Keep = .query) -> String {
        guard let schemeEnd = url.range(of: "://") else { return keep == .host ? "(url)" : url }
        var rest = url[schemeEnd.upperBound...]
        // userinfo ends at the last '@' before the query; a '/' before it is a password's (which
        // PostgreSQL URLs allow unencoded) when a ':' is there too, else a path's (`/@user/feed`).
        let head = rest.prefix { $0 != "?" && $0 != "#" }
        if let at = head.lastIndex(of: "@") {
            let before = head[..<at]
            if before.contains(":") || !before.contains("/") { rest = rest[rest.index(after: at)...] }
        }
        let scheme = url[..<schemeEnd.upperBound]
        switch keep {
        case .host:
            let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return scheme + host + "/…"
        case .path:
            return scheme + String(rest.prefix { $0 != "?" && $0 != "#" })
        case .query:
            guard let q = rest.firstIndex(of: "?") else { return String(scheme + rest) }
            let query = rest[rest.index(after: q)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
                let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                return secretKeys.contains(name.lowercased()) ? "\(name)=REDACTED" : String(pair)
            }
            return scheme + rest[...q] + query.joined(separator: "&")
        }
    }
}
