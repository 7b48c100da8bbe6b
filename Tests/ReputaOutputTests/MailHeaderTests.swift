import Foundation
@testable import ReputaOutput
import Testing

/// Mail headers as RFC 2047 and 5322 want them: encoded words of at most 75 characters on lines
/// of at most 76, which decode (base64 by hand here) back to the subject; display names encoded
/// or quoted; no CR or LF from a value.
@Suite struct MailHeaderTests {
    func headers(_ m: MailMessage) -> [String: String] {
        let text = String(decoding: m.bytes(), as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        var out: [String: String] = [:], last = ""
        for line in head.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") { out[last, default: ""] += "\r\n" + line; continue }
            let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
            last = parts[0]
            out[last] = parts.count > 1 ? String(parts[1].dropFirst()) : ""
        }
        return out
    }

    func decoded(_ value: String) -> String {
        value.components(separatedBy: "\r\n ").map { word -> String in
            guard word.hasPrefix("=?utf-8?B?"), word.hasSuffix("?=") else { return word }
            let b64 = String(word.dropFirst(10).dropLast(2))
            return String(decoding: Data(base64Encoded: b64) ?? Data(), as: UTF8.self)
        }.joined()
    }

    @Test func aLongItalianSubjectIsSplitIntoShortWords() {
        let subject = "[Reputa] URGENTE · Milano — Brera · google · 1★ su 5 · «intossicazione alimentare» dopo la cena, perché?"
        let m = MailMessage(from: "Reputa <r@example.com>", to: ["a@example.com"], subject: subject, text: "t", html: "h")
        let value = headers(m)["Subject"] ?? ""
        let lines = ("Subject: " + value).components(separatedBy: "\r\n")
        #expect(lines.count > 2 && lines.allSatisfy { $0.count <= 76 }, "\(lines)")
        #expect(value.components(separatedBy: "\r\n ").allSatisfy { $0.count <= 75 && $0.hasPrefix("=?utf-8?B?") })
        #expect(decoded(value) == subject)
        // ASCII stays as it is.
        #expect(headers(MailMessage(from: "r@example.com", to: [], subject: "Weekly report 2026-W47", text: "", html: ""))["Subject"]
            == "Weekly report 2026-W47")
    }

    @Test func displayNamesAreEncodedOrQuoted() {
        let m = MailMessage(from: "Reputà Alerts <r@example.com>", to: ["On Call, Milano <a@example.com>", "b@example.com",
                                                                          "\"Ops \\\"night\\\"\" <c@example.com>", "Anna\r\nBcc: x@evil <d@example.com>"],
                            subject: "x", text: "", html: "")
        let h = headers(m)
        #expect(h["From"] == "=?utf-8?B?" + Data("Reputà Alerts".utf8).base64EncodedString() + "?= <r@example.com>")
        #expect(decoded(h["From"]!.components(separatedBy: " <")[0]) == "Reputà Alerts")
        let to = (h["To"] ?? "").components(separatedBy: ",\r\n ")
        #expect(to[0] == "\"On Call, Milano\" <a@example.com>")
        #expect(to[1] == "b@example.com")
        // The name Ops "night", given quoted, is quoted once: "Ops \"night\"".
        #expect(to[2] == "\"Ops \\\"night\\\"\" <c@example.com>", "\(to[2])")
        #expect(to[3] == "\"AnnaBcc: x@evil\" <d@example.com>")
        #expect(h["Bcc"] == nil)
    }
}
