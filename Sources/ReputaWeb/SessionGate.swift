import Foundation
import Hummingbird
import ReputaCore
import ReputaPipeline
import ReputaStore

/// Lets a request through only with a live session: pages without one go to the sign-in page
/// (and come back after), `/api/` answers 401, a form post 403. Every state-changing request
/// must also carry the session's CSRF token (`_csrf`), checked by `checkForm`.
struct SessionGate: RouterMiddleware {
    typealias Context = WebContext
    let app: WebApp

    static let cookie = "reputa_session"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookie]?.value, !token.isEmpty {
            let hash = SHA256.hex(Array(token.utf8)), store = app.store
            if let found = try await blocking({ try store.session(tokenHash: hash, at: Clock.now()) }) {
                context.session = SignedIn(user: found.user, csrf: found.csrf, tokenHash: hash)
                return try await next(request, context)
            }
        }
        let path = request.uri.path
        if path.hasPrefix("/api/") { return app.json(#"{"error":"sign in first"}"#, status: .unauthorized) }
        guard request.method == .get else { return app.message("bad_request", context, status: .forbidden) }
        // A link followed from another site (a Slack or mail alert) arrives without the
        // SameSite=Strict cookie: reload once from this site, where the browser sends it.
        if request.headers[.secFetchSite] == "cross-site" {
            return app.page("reload", [:], context)
        }
        let next = request.uri.description
        return app.redirect("/login" + (next == "/" ? "" : "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")))
    }
}

extension WebApp {
    /// The form of a state-changing request, when it carries the session's CSRF token and does
    /// not come from another site; nil otherwise (the caller refuses it).
    func checkForm(_ request: Request, _ context: WebContext) async throws -> FormFields? {
        guard let session = context.session, request.headers[.secFetchSite] != "cross-site" else { return nil }
        let form = try await FormFields(request)
        guard let sent = form["_csrf"], Self.sameSecret(sent, session.csrf) else { return nil }
        return form
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func sameSecret(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// A random token of 32 bytes, hex (the system's CSPRNG).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Where to go after signing in: a path on this site, never another site (`//evil`, `http:`,
    /// and `/<tab>/evil`, which a browser reads as `//evil` once it drops the tab): printable
    /// ASCII only, no backslash, one leading slash.
    static func localPath(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"),
              next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }) else { return "/" }
        return next
    }
}
