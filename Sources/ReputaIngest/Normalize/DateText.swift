import Foundation
import ReputaCore

/// Reads the dates portals and exports write: ISO 8601 with or without zone (`T` or space),
/// RFC 822 and its relatives (see `MailDate`),
/// `dd/mm/yyyy [HH:MM[:SS]]`, and day–month-name–year in Italian or English, also inside a
/// phrase (`Recensito in Italia il 14 dicembre 2023`, `December 14, 2023`). A date written
/// without a zone is local time in `zone`; the result keeps the offset that applied.
public enum DateText {
    /// - Parameter monthFirst: read `8/3/2017` as 3 August (US exports) instead of 8 March.
    public static func parse(_ raw: String, zone: TimeZone, monthFirst: Bool = false) -> Timestamp? {
        let text = CellText.clean(raw)
        guard let first = text.utf8.first else { return nil }
        if let t = parseEpoch(text) { return t }
        if let t = parseISO(text, zone: zone) { return t }
        // `14/03/2026` is by far the commonest form in exports: tried before the mail forms
        // when the text starts with a digit (neither reading accepts the other's text).
        let digitFirst = first >= 0x30 && first <= 0x39
        if digitFirst, let t = parseNumericDMY(text, zone: zone, monthFirst: monthFirst) { return t }
        if let t = MailDate.parse(text, zone: zone) { return t }
        if !digitFirst, let t = parseNumericDMY(text, zone: zone, monthFirst: monthFirst) { return t }
        return parseMonthName(text, zone: zone)
    }

    /// Unix time as exports write it: 9–10 digits are seconds, 12–13 digits milliseconds.
    static func parseEpoch(_ text: String) -> Timestamp? {
        guard text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int64(text) else { return nil }
        switch text.utf8.count {
        case 9...10: return Timestamp(epochSeconds: n)
        case 12...13: return Timestamp(epochSeconds: n / 1000)
        default: return nil
        }
    }

    // MARK: ISO 8601

    static func parseISO(_ text: String, zone: TimeZone) -> Timestamp? {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard b[k] >= 48 && b[k] <= 57 else { return nil }
                v = v * 10 + Int(b[k] - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = digits(4), expect(45), let mo = digits(2), expect(45), let d = digits(2) else { return nil }
        var h = 0, mi = 0, s = 0
        if i == b.count { return local(y, mo, d, 0, 0, 0, zone) }
        guard i < b.count, b[i] == 84 || b[i] == 116 || b[i] == 32 else { return nil } // T, t, space
        i += 1
        guard let hh = digits(2), expect(58), let mm = digits(2) else { return nil }
        h = hh; mi = mm
        if expect(58) { guard let ss = digits(2) else { return nil }; s = ss }
        if i < b.count, b[i] == 46 || b[i] == 44 { // fractional seconds: dropped
            i += 1
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
        }
        if i == b.count { return local(y, mo, d, h, mi, s, zone) }
        if b[i] == 32 { i += 1 }
        if i < b.count, b[i] == 90 || b[i] == 122, i + 1 == b.count { // Z
            return utc(y, mo, d, h, mi, s, offset: 0)
        }
        guard i < b.count, b[i] == 43 || b[i] == 45 else { return nil }
        let sign = b[i] == 45 ? -1 : 1
        i += 1
        guard let oh = digits(2) else { return nil }
        var om = 0
        if i < b.count {
            _ = expect(58)
            guard let m2 = digits(2) else { return nil }
            om = m2
        }
        guard i == b.count, oh <= 14, om < 60 else { return nil }
        return utc(y, mo, d, h, mi, s, offset: sign * (oh * 3600 + om * 60))
    }

    // MARK: dd/mm/yyyy

    static func parseNumericDMY(_ text: String, zone: TimeZone, monthFirst: Bool = false) -> Timestamp? {
        var parts = text.split(separator: " ", omittingEmptySubsequences: true)
        // A 12-hour clock (SurveyMonkey: `11/16/2026 09:58:12 AM`): 12 AM is midnight, 12 PM noon.
        var meridiem: Int? = nil
        if parts.count == 3, let last = parts.last?.uppercased(), last == "AM" || last == "PM" {
            meridiem = last == "PM" ? 12 : 0
            parts.removeLast()
        }
        guard let datePart = parts.first, parts.count <= 2 else { return nil }
        let fields = datePart.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard fields.count == 3, var d = Int(fields[0]), var mo = Int(fields[1]), var y = Int(fields[2]),
              fields[0].count <= 2, fields[1].count <= 2, fields[2].count == 4 || fields[2].count == 2
        else { return nil }
        if fields[2].count == 2 { y += 2000 }
        if monthFirst { swap(&d, &mo) }
        var h = 0, mi = 0, s = 0
        if parts.count == 2 {
            let t = parts[1].split(separator: ":")
            guard t.count == 2 || t.count == 3, let hh = Int(t[0]), let mm = Int(t[1]) else { return nil }
            h = hh; mi = mm
            if t.count == 3 { guard let ss = Int(t[2]) else { return nil }; s = ss }
            if let meridiem {
                guard (1...12).contains(h) else { return nil }
                h = h % 12 + meridiem
            }
        }
        return local(y, mo, d, h, mi, s, zone)
    }

    // MARK: Month names

    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let it = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                  "settembre", "ottobre", "novembre", "dicembre"]
        let en = ["january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december"]
        let itShort = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
        let enShort = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        for (k, names) in [it, en, itShort, enShort].enumerated() {
            _ = k
            for (idx, n) in names.enumerated() { m[n] = idx + 1 }
        }
        m["sept"] = 9
        return m
    }()

    static func parseMonthName(_ text: String, zone: TimeZone) -> Timestamp? {
        let tokens = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        guard tokens.count >= 3 else { return nil }
        for k in 0...(tokens.count - 3) {
            let a = tokens[k], b = tokens[k + 1], c = tokens[k + 2]
            // 14 dicembre 2023
            if let d = Int(a), a.count <= 2, let mo = months[b], let y = Int(c), c.count == 4 {
                return local(y, mo, d, 0, 0, 0, zone)
            }
            // December 14, 2023
            if let mo = months[a], let d = Int(b), b.count <= 2, let y = Int(c), c.count == 4 {
                return local(y, mo, d, 0, 0, 0, zone)
            }
        }
        return nil
    }

    // MARK: Building timestamps

    static func valid(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Bool {
        guard (1...12).contains(mo), d >= 1, h < 24, mi < 60, s < 61, y >= 1900, y <= 2200 else { return false }
        let next = mo == 12 ? Timestamp.days(year: Int64(y + 1), month: 1, day: 1)
            : Timestamp.days(year: Int64(y), month: mo + 1, day: 1)
        return Int64(d) <= next - Timestamp.days(year: Int64(y), month: mo, day: 1)
    }

    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, offset: Int) -> Timestamp? {
        guard valid(y, mo, d, h, mi, s) else { return nil }
        let localSeconds = Timestamp.days(year: Int64(y), month: mo, day: d) * 86_400
            + Int64(h * 3600 + mi * 60 + min(s, 59))
        return Timestamp(epochSeconds: localSeconds - Int64(offset), offsetSeconds: Int32(offset))
    }

    /// Wall-clock time in `zone`: find the offset in force at that local time.
    static func local(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, _ zone: TimeZone) -> Timestamp? {
        guard let asUTC = utc(y, mo, d, h, mi, s, offset: 0) else { return nil }
        // Two passes settle the offset except inside a DST gap, where the later offset wins.
        let offsets = ZoneOffsets.of(zone)
        var offset = offsets.offset(at: asUTC.epochSeconds)
        offset = offsets.offset(at: asUTC.epochSeconds - Int64(offset))
        return utc(y, mo, d, h, mi, s, offset: offset)
    }
}
