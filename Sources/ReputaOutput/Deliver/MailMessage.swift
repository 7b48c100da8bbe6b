import ReputaNet
import Foundation

/// An RFC 5322 message with a plain-text part and an HTML alternative (RFC 2046
/// multipart/alternative, plain first so a client that reads only text gets the text). Images the
/// HTML shows (`<img src="cid:ID">`) travel with it in a multipart/related (RFC 2387), each part
/// named by its Content-ID (RFC 2392), so that clients without SVG (Outlook, Gmail) show them. Bodies
/// are base64 in 76-column lines, the subject and display names RFC 2047-encoded when not ASCII
/// (words of at most 75 characters), and header values lose CR and LF so no text can add a header.
public struct MailMessage: Sendable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var text: String
    public var html: String
    /// Images the HTML refers to by `cid:`.
    public var inline: [InlineImage]
    public var date: Date
    public var messageID: String

    public init(from: String, to: [String], subject: String, text: String, html: String, inline: [InlineImage] = [],
                date: Date = Date(), messageID: String? = nil) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.inline = inline
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
            "From: " + Self.mailbox(from),
            "To: " + to.map(Self.mailbox).joined(separator: ",\r\n "),
            "Subject: " + Self.encodedWords(subject),
            "Date: " + formatter.string(from: date),
            "Message-ID: " + Self.header(messageID),
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "This is a multi-part message in MIME format.",
        ]
        func text(_ type: String, _ body: String) -> [String] {
            ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", ""] + Self.base64Lines(Data(body.utf8))
        }
        lines += ["--\(boundary)"] + text("text/plain", self.text)
        if inline.isEmpty {
            lines += ["--\(boundary)"] + text("text/html", html)
        } else {
            // Not an extension of the outer boundary: a parser matching `--<outer>` at a line's
            // start would take the inner one for it (RFC 2046 §5.1.1).
            let related = "=_related_" + messageID.filter { $0.isLetter || $0.isNumber }.prefix(24)
            lines += ["--\(boundary)", "Content-Type: multipart/related; type=\"text/html\"; boundary=\"\(related)\"", ""]
            lines += ["--\(related)"] + text("text/html", html)
            for image in inline {
                lines += ["--\(related)", "Content-Type: \(Self.header(image.contentType))",
                          "Content-Transfer-Encoding: base64", "Content-ID: <\(Self.header(image.contentID))>",
                          "Content-Disposition: inline; filename=\"\(Self.header(image.filename).replacingOccurrences(of: "\"", with: ""))\"", ""]
                lines += Self.base64Lines(image.data)
            }
            lines += ["--\(related)--"]
        }
        lines += ["--\(boundary)--", ""]
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    static func header(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }.map(Character.init))
    }

    /// A non-ASCII subject as RFC 2047 encoded words (`=?utf-8?B?…?=`), each at most 75
    /// characters (at most 45 bytes of UTF-8, never splitting a character; the first 39, so that
    /// `Subject: ` and it stay within 76), one per folded line; an ASCII subject as it is.
    static func encodedWords(_ text: String) -> String {
        let clean = header(text)
        guard clean.unicodeScalars.contains(where: { !$0.isASCII }) else { return clean }
        var words: [[UInt8]] = [], chunk: [UInt8] = []
        for character in clean {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > (words.isEmpty ? 39 : 45), !chunk.isEmpty {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?" + Data($0).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// `Name <user@host>` for a header: a non-ASCII name as encoded words, an ASCII name with
    /// characters that mean something in an address list (`,` `"` `<` …) quoted (RFC 5322
    /// quoted-string), a bare address as it is.
    static func mailbox(_ value: String) -> String {
        let clean = header(value)
        guard let open = clean.firstIndex(of: "<"), clean.hasSuffix(">") else { return clean }
        let name = clean[..<open].trimmingCharacters(in: .whitespaces), address = clean[open...]
        guard !name.isEmpty else { return String(address) }
        if name.unicodeScalars.contains(where: { !$0.isASCII }) { return encodedWords(name) + " " + address }
        let plain = name.allSatisfy { $0.isLetter || $0.isNumber || " !#$%&'*+-/=?^_`{|}~".contains($0) }
        if plain { return name + " " + address }
        // A name already quoted is read back first (its backslash escapes undone), then quoted once.
        var plainName = name
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            plainName = ""
            var escaped = false
            for c in name.dropFirst().dropLast() {
                if !escaped, c == "\\" { escaped = true; continue }
                plainName.append(c)
                escaped = false
            }
        }
        return "\"" + plainName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\" " + address
    }

    static func base64Lines(_ data: Data) -> [String] {
        let s = data.base64EncodedString()
        return stride(from: 0, to: s.count, by: 76).map { i in
            let a = s.index(s.startIndex, offsetBy: i), b = s.index(a, offsetBy: min(76, s.count - i))
            return String(s[a..<b])
        }
    }
}

/// An image sent with the HTML part, shown where the HTML says `cid:<contentID>`.
public struct InlineImage: Sendable, Equatable {
    /// `chart1.<message>@reputa` (without the angle brackets).
    public var contentID: String
    public var contentType: String
    public var filename: String
    public var data: Data

    public init(contentID: String, contentType: String = "image/png", filename: String, data: Data) {
        self.contentID = contentID
        self.contentType = contentType
        self.filename = filename
        self.data = data
    }
}

extension SMTPMailer {
    /// Sends `message` to its recipients, the envelope taken from its From and To.
    public func send(_ message: MailMessage) throws {
        try send(from: MailMessage.address(message.from), to: message.to.map(MailMessage.address), bytes: message.bytes())
    }
}
