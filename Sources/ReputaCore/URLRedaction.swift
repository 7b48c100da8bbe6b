/// The one way a URL is shown (logs, errors, `check`, stored errors): never its userinfo, never a
/// query value or a fragment, and as much of the rest as the place allows.
///
/// Query values are never shown, whatever their names: a name list (`token`, `key`, …) always
/// misses one (`client_secret`, `X-Amz-Signature`, `sig`, `auth`, `code`, a vendor's own), so the
/// names are kept, which says which request it was, and every value is `…`.
public enum URLRedaction {
    public enum Keep: Sendable {
        /// Path and the query's parameter names, values as `…` (a source's URL).
        case query
        /// The path, without any query (a store's URL, whose options may carry a password).
        case path
        /// Scheme, host and port only: the path holds the secret of a Slack or Teams webhook.
        case host
    }

    /// What stands for a hidden value.
    public static let hidden = "…"

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
            return scheme + host + "/" + hidden
        case .path:
            return scheme + String(rest.prefix { $0 != "?" && $0 != "#" })
        case .query:
            let path = rest.prefix { $0 != "?" && $0 != "#" }
            var out = String(scheme + path)
            var after = rest[path.endIndex...]
            if after.first == "?" {
                let query = after.dropFirst().prefix { $0 != "#" }
                after = after[query.endIndex...]
                out += "?" + query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
                    guard let eq = pair.firstIndex(of: "=") else { return pair.isEmpty ? "" : hidden }
                    return String(pair[..<eq]) + "=" + (pair.index(after: eq) == pair.endIndex ? "" : hidden)
                }.joined(separator: "&")
            }
            // A fragment never reaches the server, but OAuth puts tokens there (`#access_token=`).
            if after.first == "#" { out += "#" + hidden }
            return out
        }
    }

    /// `text` with every URL in it (`scheme://…` up to the next white space) redacted as
    /// `.query`: for messages built elsewhere (a library's error, a server's answer) before they
    /// are printed or stored. Punctuation that ends a sentence stays outside the URL.
    public static func scrub(_ text: String) -> String {
        guard text.contains("://") else { return text }
        var out = ""
        var rest = Substring(text)
        while let marker = rest.range(of: "://") {
            // The scheme: letters, digits, + - . back from the marker (RFC 3986 §3.1).
            var start = marker.lowerBound
            while start > rest.startIndex {
                let previous = rest.index(before: start)
                let c = rest[previous]
                guard c.isASCII, c.isLetter || c.isNumber || c == "+" || c == "-" || c == "." else { break }
                start = previous
            }
            var end = rest[marker.upperBound...].firstIndex { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" } ?? rest.endIndex
            while end > marker.upperBound, let last = rest[..<end].last, ":,;.)]'".contains(last) {
                end = rest.index(before: end)
            }
            out += rest[..<start]
            out += start == marker.lowerBound ? String(rest[start..<end]) : redact(String(rest[start..<end]))
            rest = rest[end...]
        }
        return out + rest
    }
}
