import ReputaCore

/// A payload that could not be fetched: names the source, the URL and the cause.
public struct FetchError: ReputaError, Equatable {
    public var source: String
    public var url: String
    public var message: String

    public init(source: String, url: String, message: String) {
        self.source = source
        self.url = url
        self.message = message
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
