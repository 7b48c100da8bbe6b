import ReputaNet
import Foundation
import ReputaCore

/// The one HTTP client every `url` source goes through (libcurl underneath, see
/// `CurlTransfer`). On top of one transfer it adds what a polite, hardened poller needs:
/// conditional GET, redirects followed by hand (≤ `maxRedirects`, http/https only,
/// credentials dropped when the origin changes), retries with exponential back-off and jitter
/// for 5xx and network errors, `Retry-After` on 429/503, a per-host delay, and one clear
/// message per failure.
public struct HTTPClient: Sendable {
    public var policy: HTTPPolicy
    public var pacer: HostPacer

    public init(policy: HTTPPolicy = HTTPPolicy(), pacer: HostPacer? = nil) {
        self.policy = policy
        self.pacer = pacer ?? HostPacer(delay: policy.hostDelay)
    }

    /// Convenience for a plain GET without validators or credentials.
    public func get(_ url: String, source: String) throws -> HTTPResponse {
        try get(HTTPRequest(url: url), source: source)
    }

    /// - Throws: `FetchError` naming `source`, the URL and the cause.
    public func get(_ request: HTTPRequest, source: String) throws -> HTTPResponse {
        func fail(_ message: String, retryAfter: Int? = nil) -> FetchError {
            FetchError(source: source, url: request.url, message: message, retryAfter: retryAfter)
        }
        let transfer: CurlTransfer
        do { transfer = try CurlTransfer(policy: policy) } catch { throw fail("cannot initialize libcurl") }
        var attempt = 0
        let stopped = FetchError(source: source, url: request.url, message: "stopped: Reputa is shutting down", interrupted: true)
        while true {
            if TransferStop.isRequested { throw stopped }
            attempt += 1
            let canRetry = attempt <= policy.retries
            let hop: (CurlTransfer.Result, String)
            do {
                hop = try followRedirects(request, transfer: transfer, fail: fail)
            } catch let failure as CurlTransfer.Failure {
                switch failure {
                case .tooLarge:
                    throw fail("response too large (limit \(policy.maxBytes) bytes)")
                case .stopped:
                    throw stopped
                case let .blockedAddress(address, range):
                    throw fail("refused to connect to \(address), \(range) (set allow_private_network: true to allow it)")
                case let .transport(code, message):
                    if canRetry, Self.retryable(curlCode: code) { backOff(attempt); continue }
                    throw fail("network error: \(message)" + Self.attempts(attempt))
                }
            }
            let (result, finalURL) = hop
            let status = result.status
            switch status {
            case 304:
                return response(result, finalURL, request, notModified: true, attempts: attempt)
            case 200..<300:
                if let sent = request.etag, let got = result.headers["etag"], sent == got {
                    return response(result, finalURL, request, notModified: true, attempts: attempt)
                }
                guard !result.body.isEmpty else {
                    throw fail("empty response (Content-Type \(result.contentType.isEmpty ? "none" : result.contentType))")
                }
                return response(result, finalURL, request, notModified: false, attempts: attempt)
            case 429, 503:
                let wait = result.headers["retry-after"].flatMap { Self.retryAfterSeconds($0) }
                if let wait, wait <= policy.maxRetryAfter, canRetry {
                    TransferStop.sleep(Double(wait))
                    continue
                }
                // Deferring is capped at http.max_defer, and the message says when it was.
                func deferral(_ asked: Int) -> (seconds: Int, note: String) {
                    asked > policy.maxDefer
                        ? (policy.maxDefer, " (the server asked for \(asked) s; capped by http.max_defer)") : (asked, "")
                }
                if status == 429 {
                    let (seconds, capped) = deferral(wait ?? 60)
                    throw fail("rate limited (HTTP 429); not polling again for \(seconds) s\(capped)", retryAfter: seconds)
                }
                if let wait, wait > policy.maxRetryAfter {
                    let (seconds, capped) = deferral(wait)
                    throw fail("HTTP 503 \(Self.reason(503)); server asks to retry after \(wait) s; not polling again for \(seconds) s\(capped)",
                               retryAfter: seconds)
                }
                if canRetry { backOff(attempt); continue }
                throw fail("HTTP 503 \(Self.reason(503))" + Self.attempts(attempt))
            case 500..<600:
                if canRetry { backOff(attempt); continue }
                throw fail("HTTP \(status) \(Self.reason(status))" + Self.attempts(attempt))
            case 401:
                throw fail("HTTP 401 Unauthorized: the server wants credentials; check the source's credentials")
            case 403:
                if result.headers["cf-mitigated"]?.lowercased() == "challenge" {
                    throw fail("HTTP 403: blocked by a Cloudflare bot challenge (not a feed problem; use the portal's API or an export)")
                }
                throw fail("HTTP 403 Forbidden: access denied; check the source's credentials")
            default:
                throw fail("HTTP \(status) \(Self.reason(status))".trimmingCharacters(in: .whitespaces))
            }
        }
    }

    func response(_ r: CurlTransfer.Result, _ url: String, _ request: HTTPRequest, notModified: Bool, attempts: Int) -> HTTPResponse {
        // `Expires: 0` (or a past date) says "do not cache": keep no validators for next time.
        let noCache = r.headers["expires"].map { $0 == "0" || $0 == "-1" } ?? false
        return HTTPResponse(status: r.status, body: notModified ? [] : r.body, effectiveURL: url, contentType: r.contentType,
                            etag: noCache ? nil : (r.headers["etag"] ?? (notModified ? request.etag : nil)),
                            lastModified: noCache ? nil : (r.headers["last-modified"] ?? (notModified ? request.lastModified : nil)),
                            notModified: notModified, attempts: attempts)
    }

    /// Performs the request, following up to `maxRedirects` redirects by hand.
    func followRedirects(_ request: HTTPRequest, transfer: CurlTransfer,
                         fail: (String, Int?) -> FetchError) throws -> (CurlTransfer.Result, String) {
        var url = request.url
        let origin = Self.origin(of: request.url)
        var hops = 0
        while true {
            var headers: [String] = []
            if Self.origin(of: url) == origin {
                // Credentials and validators belong to the first origin; a redirect elsewhere
                // must not carry Authorization, cookies or API keys (hardening.md F7).
                headers += request.headers.map { "\($0.name): \($0.value)" }
            }
            if let etag = request.etag { headers.append("If-None-Match: \(etag)") }
            if let lm = request.lastModified { headers.append("If-Modified-Since: \(lm)") }
            pacer.wait(host: Self.host(of: url))
            let result = try transfer.perform(url, headers: headers)
            guard [301, 302, 303, 307, 308].contains(result.status) else { return (result, url) }
            guard let target = result.redirectURL ?? result.headers["location"].flatMap({ URL(string: $0, relativeTo: URL(string: url))?.absoluteString }) else {
                throw fail("HTTP \(result.status) redirect without a Location", nil)
            }
            let scheme = target.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            guard scheme == "http" || scheme == "https" else {
                throw fail("redirect to a \(scheme):// URL refused; only http and https are allowed", nil)
            }
            hops += 1
            guard hops <= policy.maxRedirects else {
                throw fail("too many redirects (limit \(policy.maxRedirects))", nil)
            }
            url = target
        }
    }

    /// " (after 3 attempts)" when the request was retried; nothing for a single attempt.
    static func attempts(_ n: Int) -> String { n > 1 ? " (after \(n) attempts)" : "" }

    func backOff(_ attempt: Int) {
        let base = policy.retryDelay * pow(2, Double(attempt - 1))
        TransferStop.sleep(min(30, base * Double.random(in: 0.5...1.5)))
    }

    /// Network errors worth another try: not TLS failures, bad URLs or refused protocols.
    static func retryable(curlCode code: Int) -> Bool {
        let permanent: Set<Int> = [1, 3, 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91]
        return !permanent.contains(code)
    }

    /// `Retry-After` as delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
    public static func retryAfterSeconds(_ value: String, now: Date = Date()) -> Int? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let n = Int(v), n >= 0 { return n }
        guard let t = MailDate.parse(v, zone: TimeZone(identifier: "GMT")!) else { return nil }
        return max(0, Int(t.epochSeconds - Int64(now.timeIntervalSince1970)))
    }

    static func origin(of url: String) -> String {
        guard let c = URLComponents(string: url) else { return url }
        let scheme = c.scheme?.lowercased() ?? ""
        let port = c.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(c.host?.lowercased() ?? ""):\(port)"
    }

    static func host(of url: String) -> String { URLComponents(string: url)?.host?.lowercased() ?? url }

    static func reason(_ status: Int) -> String {
        [400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout",
         410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented",
         502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"][status] ?? ""
    }
}
