import CCrypto
import CCurl
import Foundation
import ReputaCore

/// POSTs one JSON body to a webhook through libcurl: http and https only, no redirects
/// followed (a webhook that moves is a configuration error, and a redirect must never lead to
/// another scheme), a deadline for the whole request, and the response body read but capped.
public struct WebhookPoster: Sendable {
    public var timeout: Int
    public var caBundle: String?

    public init(timeout: Int = 20, caBundle: String? = nil) {
        self.timeout = timeout
        self.caBundle = caBundle
    }

    /// The HTTP status, or a `DeliveryError` when no answer came (refused, timed out, TLS).
    public func post(_ body: Data, to url: String, headers: [(String, String)]) throws -> Int {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        let place = WebhookPoster.redacted(url)
        guard let h = curl_easy_init() else { throw DeliveryError(server: place, message: "cannot initialize libcurl", kind: "webhook") }
        defer { curl_easy_cleanup(h) }
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in [("Content-Type", "application/json; charset=utf-8"), ("Expect", "")] + headers {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        defer { curl_slist_free_all(list) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        ccurl_setopt_string(h, CURLOPT_URL, url)
        ccurl_setopt_string(h, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(h, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(h, CURLOPT_TIMEOUT, timeout)
        ccurl_setopt_long(h, CURLOPT_CONNECTTIMEOUT, min(timeout, 10))
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 1)
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundle { ccurl_setopt_string(h, CURLOPT_CAINFO, caBundle) }
        ccurl_setopt_slist(h, CURLOPT_HTTPHEADER, list)
        ccurl_setopt_long(h, CURLOPT_POST, 1)
        ccurl_setopt_off(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        ccurl_setopt_write_function(h, CURLOPT_WRITEFUNCTION) { _, size, count, _ in size * count } // response ignored
        let code: CURLcode = body.withUnsafeBytes { raw in
            ccurl_setopt_pointer(h, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
            return errorBuffer.withUnsafeMutableBufferPointer { buffer in
                ccurl_setopt_pointer(h, CURLOPT_ERRORBUFFER, buffer.baseAddress)
                return curl_easy_perform(h)
            }
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw DeliveryError(server: place, message: detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail,
                                kind: "webhook")
        }
        var status = 0
        ccurl_getinfo_long(h, CURLINFO_RESPONSE_CODE, &status)
        return status
    }

    /// scheme://host[:port]/… : the path (which holds a Slack or Teams webhook's secret) never
    /// appears in a log line.
    public static func redacted(_ url: String) -> String {
        guard let c = URLComponents(string: url), let scheme = c.scheme, let host = c.host else { return "(webhook)" }
        return "\(scheme)://\(host)\(c.port.map { ":\($0)" } ?? "")/…"
    }

    /// `sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<body>") (RFC 2104), the signature
    /// a receiver recomputes to know the body came from us and is fresh.
    public static func signature(secret: String, timestamp: String, body: Data) -> String {
        var message = Data((timestamp + ".").utf8)
        message.append(body)
        return "sha256=" + hmacSHA256(key: Array(secret.utf8), message: message)
    }

    /// HMAC-SHA256 (RFC 2104, FIPS 198-1) through OpenSSL's libcrypto, as lower-case hex.
    public static func hmacSHA256(key: [UInt8], message: Data) -> String {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        message.withUnsafeBytes { m in
            _ = HMAC(EVP_sha256(), key, Int32(key.count), m.baseAddress?.assumingMemoryBound(to: UInt8.self), m.count,
                     &out, &length)
        }
        return out.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}
