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

    public func send(_ message: MailMessage) throws {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        guard let h = curl_easy_init() else { throw DeliveryError(server: server, message: "cannot initialize libcurl") }
        defer { curl_easy_cleanup(h) }
        var recipients: UnsafeMutablePointer<curl_slist>?
        for r in message.to { recipients = curl_slist_append(recipients, "<" + MailMessage.address(r) + ">") }
        defer { curl_slist_free_all(recipients) }
        let upload = Upload(message.bytes())
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let implicitTLS = url.lowercased().hasPrefix("smtps://")
        ccurl_setopt_string(h, CURLOPT_URL, url)
        ccurl_setopt_string(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        ccurl_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(h, CURLOPT_TIMEOUT, timeout)
        ccurl_setopt_long(h, CURLOPT_CONNECTTIMEOUT, min(timeout, 30))
        ccurl_setopt_long(h, CURLOPT_USE_SSL, Int(implicitTLS || starttls ? CURLUSESSL_ALL.rawValue : CURLUSESSL_NONE.rawValue))
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 1)
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundle { ccurl_setopt_string(h, CURLOPT_CAINFO, caBundle) }
        if let username { ccurl_setopt_string(h, CURLOPT_USERNAME, username) }
        if let password { ccurl_setopt_string(h, CURLOPT_PASSWORD, password) }
        ccurl_setopt_string(h, CURLOPT_MAIL_FROM, "<" + MailMessage.address(message.from) + ">")
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
        let code: CURLcode = withExtendedLifetime(upload) {
            ccurl_setopt_pointer(h, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
            return errorBuffer.withUnsafeMutableBufferPointer { buf in
                ccurl_setopt_pointer(h, CURLOPT_ERRORBUFFER, buf.baseAddress)
                return curl_easy_perform(h)
            }
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var response = 0
            ccurl_getinfo_long(h, CURLINFO_RESPONSE_CODE, &response)
            let reply = response > 0 ? " (server replied \(response))" : ""
            throw DeliveryError(server: server, message: (detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail) + reply)
        }
    }

    /// The server as it may be shown: scheme, host and port, no user or password.
    public var server: String {
        guard var c = URLComponents(string: url) else { return "smtp server" }
        c.user = nil
        c.password = nil
        c.path = ""
        return c.string ?? "smtp server"
    }
}
