import CCrypto
import CCurl
import Foundation
import ReputaCore

/// POSTs one JSON body to a webhook on a `CurlEasy` handle: http and https only, no redirects
/// followed (a webhook that moves is a configuration error, and a redirect must never lead to
/// another scheme), the same address policy as fetches (`allowPrivateNetwork`), a deadline for
/// the whole request, and the response body read but ignored.
public struct WebhookPoster: Sendable {
    public var timeout: Int
    public var caBundle: String?
    /// Whether the webhook may be on a loopback, private or link-local address.
    public var allowPrivateNetwork: Bool

    public init(timeout: Int = 20, caBundle: String? = nil, allowPrivateNetwork: Bool = false) {
        self.timeout = timeout
        self.caBundle = caBundle
        self.allowPrivateNetwork = allowPrivateNetwork
    }

    /// The HTTP status, or a `DeliveryError` when no answer came (refused, timed out, TLS, an
    /// address the policy refuses).
    public func post(_ body: Data, to url: String, headers: [(String, String)]) throws -> Int {
        let place = URLRedaction.redact(url, keeping: .host)
        guard let easy = CurlEasy(protocols: "http,https", connectTimeout: 10, totalTimeout: timeout, caBundle: caBundle,
                                  allowPrivateNetwork: allowPrivateNetwork) else {
            throw DeliveryError(server: place, message: "cannot initialize libcurl", kind: "webhook")
        }
        let h = easy.handle
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in [("Content-Type", "application/json; charset=utf-8"), ("Expect", "")] + headers {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        defer { curl_slist_free_all(list) }
        ccurl_setopt_string(h, CURLOPT_URL, url)
        ccurl_setopt_slist(h, CURLOPT_HTTPHEADER, list)
        ccurl_setopt_long(h, CURLOPT_POST, 1)
        ccurl_setopt_off(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        ccurl_setopt_write_function(h, CURLOPT_WRITEFUNCTION) { _, size, count, _ in size * count } // response ignored
        let outcome = body.withUnsafeBytes { raw in
            ccurl_setopt_pointer(h, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
            return easy.perform()
        }
        switch outcome {
        case .done:
            return easy.responseCode
        case let .blocked(address, range):
            throw DeliveryError(server: place, message: "refused to connect to \(address), \(range) "
                                + "(set allow_private_network: true on the channel, or in http:, to allow it)", kind: "webhook")
        case let .failed(_, message):
            throw DeliveryError(server: place, message: message, kind: "webhook")
        }
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
