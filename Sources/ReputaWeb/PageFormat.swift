import Foundation
import ReputaCore
import ReputaOutput

/// Dates and durations as a reader of `lang` writes them: `6 Dec 2026, 14:05` / `6 dic 2026, 14:05`,
/// `3 h 20 min`, `2 d 4 h` / `2 g 4 h`.
enum PageFormat {
    /// `t` in the IANA zone `zone` (the local ISO text `Timestamp` writes, read back in words).
    static func date(_ t: Timestamp, zone: String, lang: String) -> String {
        let offset = ZoneOffsets.of(TimeZone(identifier: zone) ?? .gmt).offset(at: t.epochSeconds)
        let iso = Array(Timestamp(epochSeconds: t.epochSeconds, offsetSeconds: Int32(offset)).originalISO.utf8) // 2026-12-06T14:05:…
        func part(_ range: Range<Int>) -> String { String(decoding: iso[range], as: UTF8.self) }
        guard iso.count >= 16, let month = Int(part(5..<7)), let day = Int(part(8..<10)), (1...12).contains(month) else {
            return t.utcISO
        }
        return "\(day) \((ReportLanguage.named(lang) ?? .english).month(month)) \(part(0..<4)), \(part(11..<16))"
    }

    /// A span of seconds for reading: `45 min`, `3 h 20 min`, `2 d 4 h` (`g` in Italian).
    static func span(_ seconds: Int, lang: String) -> String {
        let minutes = max(0, seconds) / 60
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60
        if hours < 48 { return minutes % 60 == 0 ? "\(hours) h" : "\(hours) h \(minutes % 60) min" }
        let day = lang == "it" ? "g" : "d"
        return hours % 24 == 0 ? "\(hours / 24) \(day)" : "\(hours / 24) \(day) \(hours % 24) h"
    }

    /// A whole number with the reader's thousands mark: `12,345` / `12.345`.
    static func integer(_ n: Int, lang: String) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(lang == "it" ? "." : ",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A rating for reading: `2/5`, `40/100`.
    static func rating(_ rating: Rating?, lang: String) -> String {
        guard let rating else { return WebStrings.text("no_rating", lang) }
        let value = rating.value == rating.value.rounded() ? String(Int(rating.value)) : String(format: "%.1f", rating.value)
        let shown = lang == "it" ? value.replacingOccurrences(of: ".", with: ",") : value
        return "\(shown)/\(Int(rating.scale.max))"
    }
}
