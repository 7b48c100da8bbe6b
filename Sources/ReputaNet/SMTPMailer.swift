import CCurl
import Foundation
import ReputaCore

/// Where a delivery went wrong: the stage, the server (never its password) and libcurl's reason.
public struct DeliveryError: ReputaError {
    public var server: String
    public var message: String
    /// `mail` or `webhook`.
    public var kind = "mail"
    public var stage: String { "deliver" }
    public var exitCode: ExitStatus { .undelivered }
    public var description: String { "deliver \(kind): \(server): \(message)" }
}

/// Sends one message over SMTP through libcurl: `smtps://` is TLS from the first byte,
/// `smtp://` upgrades with STARTTLS and fails when the server cannot (unless STARTTLS is turned
/// off, for a relay on the loopback). Only the smtp and smtps protocols are allowed, and the
/// whole conversation has a deadline.
public struct SMTPMailer: Sendable {
    public var url: String
    public var starttls: Bool
    public var username: String?
    public var password: String?
    /// Seconds for the whole conversation.
    public var timeout: Int
    public var caBundle: String?

    public init(url: String, starttls: Bool = true, username: String? = nil, password: String? = nil, timeout: Int = 60,
                caBundle: String? = nil) {
        self.url = url
        self.starttls = starttls
        self.username = username
        self.password = password
        self.timeout = timeout
        self.caBundle = caBundle
    }

    /// The upload state the read callback walks through.
    final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ data: Data) { bytes = [UInt8](data) }
    }

    /// Sends one message: `bytes` is the whole RFC 5322 message, `from` and `to` the envelope's
    /// addr-specs. The SMTP server is the operator's own relay (often on the loopback), so the
    /// private-address policy of fetches and webhooks does not apply to it.
    public func send(from: String, to: [String], bytes: Data) throws {
        guard let easy = CurlEasy(protocols: "smtp,smtps", connectTimeout: 30, totalTimeout: timeout, caBundle: caBundle,
                                  allowPrivateNetwork: true) else {
            throw DeliveryError(server: server, message: "cannot initialize libcurl")
        }
        let h = easy.handle
        var recipients: UnsafeMutablePointer<curl_slist>?
        for r in to { recipients = curl_slist_append(recipients, "<" + r + ">") }
        defer { curl_slist_free_all(recipients) }
        let upload = Upload(bytes)
        let implicitTLS = url.lowercased().hasPrefix("smtps://")
        ccurl_setopt_string(h, CURLOPT_URL, url)
        ccurl_setopt_long(h, CURLOPT_USE_SSL, Int(implicitTLS || starttls ? CURLUSESSL_ALL.rawValue : CURLUSESSL_NONE.rawValue))
        if let username { ccurl_setopt_string(h, CURLOPT_USERNAME, username) }
        if let password { ccurl_setopt_string(h, CURLOPT_PASSWORD, password) }
        ccurl_setopt_string(h, CURLOPT_MAIL_FROM, "<" + from + ">")
        ccurl_setopt_slist(h, CURLOPT_MAIL_RCPT, recipients)
        ccurl_setopt_long(h, CURLOPT_UPLOAD, 1)
        ccurl_setopt_off(h, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.bytes.count))
        ccurl_setopt_read_function(h) { buffer, size, count, userdata in
            guard let buffer, let userdata else { return 0 }
            let state = Unmanaged<Upload>.fromOpaque(userdata).takeUnretainedValue()
            let n = min(size * count, state.bytes.count - state.offset)
            guard n > 0 else { return 0 }
            state.bytes.withUnsafeBufferPointer { src in
                UnsafeMutableRawPointer(buffer).copyMemory(from: src.baseAddress! + state.offset, byteCount: n)
            }
            state.offset += n
            return n
        }
        let outcome = withExtendedLifetime(upload) {
            ccurl_setopt_pointer(h, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
            return easy.perform()
        }
        switch outcome {
        case .done:
            return
        case let .blocked(address, range):
            throw DeliveryError(server: server, message: "refused to connect to \(address), \(range)")
        case let .failed(_, message):
            let response = easy.responseCode
            throw DeliveryError(server: server, message: message + (response > 0 ? " (server replied \(response))" : ""))
        }
    }

    /// The server as it may be shown: scheme, host and port, no user or password.
    public var server: String { URLRedaction.redact(url, keeping: .host).replacingOccurrences(of: "/…", with: "") }
}
