import Foundation
import Hummingbird
import ReputaCore
import ReputaOutput
import ReputaPipeline
import ReputaStore

/// Signing in and out. The sign-in form is protected from cross-site posts by a
/// double-submit token (a cookie and a field that must match) since there is no session yet;
/// failed sign-ins are counted per name in the store and lock the name out for a growing delay.
/// What checking a sign-in found.
enum SignInOutcome: Sendable {
    case locked(Timestamp)
    case failed(Int)
    case signedIn(WebUser)
}

extension WebApp {
    static let signInCookie = "reputa_signin"

    func signInPage(_ request: Request, _ context: WebContext) async throws -> Response {
        try await signInForm(request, context, error: nil, status: .ok)
    }

    func signInForm(_ request: Request, _ context: WebContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let store = self.store
        let noUsers = try await blocking { try store.users().isEmpty }
        let token = Self.token()
        var response = page("login", [
            "title": WebStrings.text("sign_in", lang(context)),
            "signin_token": token,
            "next": Self.localPath(FormFields(query: request)["next"]),
            "error": error ?? "", "no_users": noUsers,
        ], context, status: status)
        response.setCookie(cookie(Self.signInCookie, token, request, maxAge: 3600))
        return response
    }

    func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await FormFields(request)
        let lang = lang(context)
        guard let sent = form["_signin"], let cookie = request.cookies[Self.signInCookie]?.value, !cookie.isEmpty,
              Self.sameSecret(sent, cookie), request.headers[.secFetchSite] != "cross-site" else {
            return try await signInForm(request, context, error: WebStrings.text("bad_request", lang), status: .forbidden)
        }
        let name = String((form.text("name") ?? "").prefix(200)), password = form["password"] ?? ""
        let store = self.store, now = Clock.now(), shown = "\"" + TerminalText.visible(name) + "\""
        let outcome = try await signInCheck { () throws -> SignInOutcome in
            if let until = try store.signInLockedUntil(name, at: now) { return .locked(until) }
            let found = try store.userCredentials(name)
            guard Password.verify(password, hash: found?.passwordHash ?? Password.decoy), let user = found?.user else {
                return .failed(try store.recordSignInFailure(name, at: now).failures)
            }
            try store.clearSignInFailures(name)
            return .signedIn(user)
        }
        let user: WebUser
        switch outcome {
        case let .locked(until):
            logger.warning("sign-in refused: \(shown) is locked until \(until.utcISO) (from \(context.remote))")
            return try await signInForm(request, context, error: WebStrings.text("locked", lang, PageFormat.date(until, zone: config.timezone, lang: lang)),
                                        status: .tooManyRequests)
        case let .failed(failures):
            logger.warning("sign-in failed for \(shown) from \(context.remote) (\(failures) in a row)")
            return try await signInForm(request, context, error: WebStrings.text("bad_credentials", lang), status: .unauthorized)
        case let .signedIn(found):
            user = found
        }
        let token = Self.token(), csrf = Self.token(), seconds = settings.sessionSeconds
        try await blocking {
            try store.openSession(tokenHash: SHA256.hex(Array(token.utf8)), user: user.name, csrf: csrf, at: now,
                                  expires: Timestamp(epochSeconds: now.epochSeconds + Int64(seconds)))
        }
        logger.info("signed in: \(user.name) from \(context.remote)")
        var response = redirect(Self.localPath(form["next"]))
        response.setCookie(self.cookie(SessionGate.cookie, token, request, maxAge: seconds))
        response.setCookie(self.cookie(Self.signInCookie, "", request, maxAge: 0))
        return response
    }

    func signOut(_ request: Request, _ context: WebContext) async throws -> Response {
        guard try await checkForm(request, context) != nil, let session = context.session else {
            return message("bad_request", context, status: .forbidden)
        }
        let store = self.store
        try await blocking { try store.closeSession(tokenHash: session.tokenHash) }
        var response = redirect("/login")
        response.setCookie(cookie(SessionGate.cookie, "", request, maxAge: 0))
        return response
    }

    /// A cookie scripts cannot read, sent only to this site, `Secure` behind TLS.
    func cookie(_ name: String, _ value: String, _ request: Request, maxAge: Int) -> Cookie {
        let tls = settings.secureCookies || request.headers[.xForwardedProto]?.lowercased() == "https"
        return Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: tls, httpOnly: true, sameSite: .strict)
    }
}

