import ReputaNet
import Foundation

/// An RFC 5322 message with a plain-text part and an HTML alternative (RFC 2046
/// multipart/alternative, plain first so a client that reads only text gets the text). Bodies
/// are base64 in 76-column lines, the subject RFC 2047-encoded when not ASCII, and header
/// values lose CR and LF so no text can add a header.
public struct MailMessage: Sendable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var text: String
    public var html: String
    public var date: Date
    public var messageID: String

    public init(from: String, to: [String], subject: String, text: String, html: String, date: Date = Date(),
                messageID: String? = nil) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        let host = MailMessage.address(from).split(separator: "@").last.map(String.init) ?? "reputa.invalid"
        self.messageID = messageID ?? "<\(UUID().uuidString.lowercased())@\(host)>"
    }

    /// The addr-spec of `Name <user@host>` or of a bare `user@host` (the SMTP envelope address).
    public static func address(_ mailbox: String) -> String {
        guard let open = mailbox.firstIndex(of: "<"), let close = mailbox[open...].firstIndex(of: ">") else {
            return mailbox.trimmingCharacters(in: .whitespaces)
        }
        return String(mailbox[mailbox.index(after: open)..<close])
    }

    public func bytes() -> Data {
        let boundary = "=_reputa_" + messageID.filter { $0.isLetter || $0.isNumber }.prefix(24)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        var lines = [
            "From: " + Self.header(from),
            "To: " + to.map(Self.header).joined(separator: ", "),
            "Subject: " + Self.encodedWord(subject),
            "Date: " + formatter.string(from: date),
            "Message-ID: " + Self.header(messageID),
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "This is a multi-part message in MIME format.",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--\(boundary)", "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            lines += Self.base64Lines(Data(body.utf8))
        }
        lines += ["--\(boundary)--", ""]
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    static func header(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }.map(Character.init))
    }

    /// `=?utf-8?B?…?=` for a non-ASCII subject (RFC 2047), the text itself otherwise.
    static func encodedWord(_ text: String) -> String {
        let clean = header(text)
        guard clean.unicodeScalars.contains(where: { !$0.isASCII }) else { return clean }
        return "=?utf-8?B?" + Data(clean.utf8).base64EncodedString() + "?="
    }

    static func base64Lines(_ data: Data) -> [String] {
        let s = data.base64EncodedString()
        return stride(from: 0, to: s.count, by: 76).map { i in
            let a = s.index(s.startIndex, offsetBy: i), b = s.index(a, offsetBy: min(76, s.count - i))
            return String(s[a..<b])
        }
    }
}

extension SMTPMailer {
    /// Sends `message` to its recipients, the envelope taken from its From and To.
    public func send(_ message: MailMessage) throws {
        try send(from: MailMessage.address(message.from), to: message.to.map(MailMessage.address), bytes: message.bytes())
    }
}
