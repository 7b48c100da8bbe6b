import Hummingbird
import ReputaCore

/// A request's context: who is signed in (set by `SessionGate`) and the page language.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var session: SignedIn?
    let remote: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remote = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}

/// The signed-in user of a request, their session's CSRF token and the SHA-256 of its cookie.
struct SignedIn: Sendable {
    var user: WebUser
    var csrf: String
    var tokenHash: String
}
