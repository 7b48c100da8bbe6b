/// How `reputa serve` listens and what it assumes of its visitors.
public struct ServeSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The pages' language for users without their own (`en`, `it`).
    public var lang = "en"
    /// How long a session lasts after sign-in.
    public var sessionSeconds = 12 * 3600
    /// Cookies get `Secure` when this is true, or when the request came through a TLS proxy
    /// (`X-Forwarded-Proto: https`).
    public var secureCookies = false

    public init() {}
}
