import ReputaCore

/// A payload that could not be fetched: names the source, the URL (redacted) and the cause.
public struct FetchError: ReputaError, Equatable {
    public var source: String
    public var url: String
    public var message: String
    /// Set for a 429 (or 503) whose `Retry-After` was too long to wait out: poll again no
    /// earlier than this many seconds from now.
    public var retryAfter: Int?

    public init(source: String, url: String, message: String, retryAfter: Int? = nil) {
        self.source = source
        self.url = url
        self.message = message
        self.retryAfter = retryAfter
    }

    public var stage: String { "fetch" }
    public var exitCode: ExitStatus { .failure }
    public var description: String { "fetch \(source): \(URLRedaction.redact(url)): \(message)" }
}

/// Strips userinfo and secret-looking query parameters from URLs before they are printed.
public enum URLRedaction {
    static let secretKeys = ["token", "key", "apikey", "api_key", "sig", "signature", "access_token", "password"]

    public static func redact(_ url: String) -> String {
        var s = url
        if let scheme = s.range(of: "://"), let at = s[scheme.upperBound...].firstIndex(of: "@"),
           !s[scheme.upperBound..<at].contains("/") {
            s.replaceSubrange(scheme.upperBound...at, with: "")
        }
        guard let q = s.firstIndex(of: "?") else { return s }
        let query = s[s.index(after: q)...].split(separator: "&").map { pair -> String in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return secretKeys.contains(name.lowercased()) ? "\(name)=REDACTED" : String(pair)
        }
        return s[...q] + query.joined(separator: "&")
    }
}
