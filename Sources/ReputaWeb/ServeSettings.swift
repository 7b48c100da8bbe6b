import ReputaConfig

/// How `reputa serve` listens and what it assumes of its visitors: the config's `serve:` section
/// with the command line's choices over it.
public struct ServeSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The pages' language for users without their own (`en`, `it`).
    public var lang: String
    /// How long a session lasts after sign-in.
    public var sessionSeconds: Int
    /// Cookies get `Secure` when this is true (an https `serve.base_url`, `--secure-cookies`), or
    /// when the request came through a TLS proxy (`X-Forwarded-Proto: https`).
    public var secureCookies: Bool

    public init(_ section: Configuration.ServeSection = .init()) {
        lang = section.lang
        sessionSeconds = section.sessionSeconds
        secureCookies = section.baseURL?.hasPrefix("https://") == true
    }
}
