import Foundation
import ReputaCore

/// Dates in the Internet-message family: RFC 822/1123 (`Mon, 02 Nov 2026 10:15:00 +0100`, with
/// or without weekday or seconds, 2-digit years), RFC 850 (`Monday, 02-Nov-26 10:15:00 GMT`),
/// asctime (`Mon Nov  2 10:15:00 2026`), named zones (`GMT`, `UT`, `Z`, US zones and the common
/// but non-standard `CET`/`CEST`). Used for RSS `pubDate` and HTTP `Retry-After`/`Last-Modified`.
/// A date with no zone is local time in `zone`.
public enum MailDate {
    static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "cet": 1, "cest": 2, "met": 1, "mest": 2, "bst": 1, "wet": 0, "west": 1, "eet": 2, "eest": 3,
    ]

    public static func parse(_ raw: String, zone: TimeZone) -> Timestamp? {
        var tokens: [Substring] = []
        for piece in raw.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            // RFC 850 writes the date as 02-Nov-26; a zone offset's '-' comes first and is kept.
            if piece.first?.isNumber == true, piece.contains("-"), !piece.contains(":") {
                tokens.append(contentsOf: piece.split(separator: "-"))
            } else {
                tokens.append(piece)
            }
        }
        if let first = tokens.first, first.allSatisfy(\.isLetter), weekday(first) { tokens.removeFirst() }
        guard tokens.count >= 3 else { return nil }
        var day: Int?, monthNumber: Int?, year: Int?
        var rest: ArraySlice<Substring>
        if let d = Int(tokens[0]), let m = month(tokens[1]), let y = Int(tokens[2]) {
            (day, monthNumber, year) = (d, m, fullYear(y, digits: tokens[2].count))
            rest = tokens[3...]
        } else if let m = month(tokens[0]), let d = Int(tokens[1]) {
            // asctime: Nov 2 10:15:00 2026, or Nov 2 2026 10:15
            monthNumber = m; day = d
            rest = tokens[2...]
            if let y = rest.first(where: { $0.count == 4 && Int($0) != nil }), let yy = Int(y) {
                year = yy
                rest = rest.filter { $0 != y }[...]
            }
        } else {
            return nil
        }
        guard let d = day, let mo = monthNumber, let y = year else { return nil }
        var h = 0, mi = 0, s = 0
        var offset: Int? = nil
        for token in rest {
            if token.contains(":") && token.first?.isNumber == true {
                let t = token.split(separator: ":")
                guard t.count == 2 || t.count == 3, let hh = Int(t[0]), let mm = Int(t[1]) else { return nil }
                h = hh; mi = mm
                if t.count == 3 { guard let ss = Int(t[2].prefix(2)) else { return nil }; s = ss }
            } else if token.hasPrefix("(") {
                continue // a comment such as "(PDT)" after the numeric offset
            } else if let o = zoneOffset(token) {
                offset = o
            } else if token.lowercased() == "pm" || token.lowercased() == "am" {
                if token.lowercased() == "pm", h < 12 { h += 12 }
                if token.lowercased() == "am", h == 12 { h = 0 }
            } else {
                return nil
            }
        }
        if let offset { return DateText.utc(y, mo, d, h, mi, s, offset: offset) }
        return DateText.local(y, mo, d, h, mi, s, zone)
    }

    static func weekday(_ token: Substring) -> Bool {
        let t = token.lowercased()
        return ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "lun", "mar", "mer", "gio", "ven", "sab", "dom"]
            .contains { t.hasPrefix($0) } && DateText.months[t] == nil
    }

    static func month(_ token: Substring) -> Int? {
        DateText.months[token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))]
    }

    static func fullYear(_ y: Int, digits: Int) -> Int {
        guard digits <= 2 else { return y }
        return y < 50 ? 2000 + y : 1900 + y
    }

    /// `+0100`, `-07:00`, `GMT`, `GMT+1`, `PST`…; nil if the token is not a zone.
    static func zoneOffset(_ token: Substring) -> Int? {
        var t = token.lowercased()[...]
        if let named = zones[String(t)] { return named * 3600 }
        if t.hasPrefix("gmt") || t.hasPrefix("utc") { t = t.dropFirst(3) }
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let digits = t.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, let n = Int(digits) else { return nil }
        let (hh, mm) = digits.count <= 2 ? (n, 0) : (n / 100, n % 100)
        guard hh <= 14, mm < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hh * 3600 + mm * 60)
    }
}
