import Foundation

/// A moment in UTC plus the UTC offset it was originally written with, so
/// `2015-08-25T01:45:00-07:00` keeps both the instant and the Pacific offset.
public struct Timestamp: Equatable, Hashable, Comparable, Sendable, Codable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int64
    /// Original offset from UTC in seconds (east positive).
    public var offsetSeconds: Int32

    public init(epochSeconds: Int64, offsetSeconds: Int32 = 0) {
        self.epochSeconds = epochSeconds
        self.offsetSeconds = offsetSeconds
    }

    public init(date: Date, offsetSeconds: Int32 = 0) {
        self.init(epochSeconds: Int64(date.timeIntervalSince1970.rounded(.down)), offsetSeconds: offsetSeconds)
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(epochSeconds)) }

    /// Reads `utcISO` back: exactly `YYYY-MM-DDTHH:MM:SSZ`, nil otherwise.
    public init?(utcISO text: String) {
        let b = Array(text.utf8)
        guard b.count == 20, b[4] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"), b[19] == UInt8(ascii: "Z") else { return nil }
        func n(_ r: Range<Int>) -> Int64? { Int64(String(decoding: b[r], as: UTF8.self)) }
        guard let y = n(0..<4), let mo = n(5..<7), let d = n(8..<10), let h = n(11..<13), let mi = n(14..<16),
              let s = n(17..<19) else { return nil }
        self.init(epochSeconds: Self.days(year: y, month: Int(mo), day: Int(d)) * 86_400 + h * 3600 + mi * 60 + s)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epochSeconds < b.epochSeconds }

    /// `YYYY-MM-DDTHH:MM:SSZ`, sortable as text.
    public var utcISO: String { Self.format(epochSeconds: epochSeconds, offset: 0) }

    /// The time as it was written: `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`).
    public var originalISO: String { Self.format(epochSeconds: epochSeconds, offset: offsetSeconds) }

    /// ISO 8601 week of the UTC instant, `YYYY-Www` (weeks start on Monday; week 1 holds the
    /// year's first Thursday).
    public var isoWeek: String {
        let (y, w) = Self.isoWeek(epochSeconds: epochSeconds)
        return Self.weekText(y, w)
    }

    /// ISO 8601 week of the local date in `zone`: a review written on Monday 00:30 in Rome
    /// belongs to that Monday's week even though it is still Sunday in UTC.
    public func isoWeek(in zone: TimeZone) -> String {
        isoWeek(in: ZoneOffsets.of(zone))
    }

    /// `isoWeek(in:)` with the zone's offsets already looked up (the import hot path).
    public func isoWeek(in offsets: ZoneOffsets) -> String {
        let local = epochSeconds + Int64(offsets.offset(at: epochSeconds))
        let (y, w) = Self.isoWeek(epochSeconds: local)
        return Self.weekText(y, w)
    }

    static func civil(_ days: Int64) -> (y: Int64, m: Int, d: Int) {
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    public static func days(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }

    static func format(epochSeconds: Int64, offset: Int32) -> String {
        let local = epochSeconds + Int64(offset)
        let days = floorDiv(local, 86_400)
        let secs = Int(local - days * 86_400)
        let (y, m, d) = civil(days)
        guard (0...9999).contains(y) else {
            // Outside four-digit years: the slow, general spelling.
            var s = pad(Int(y), 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(secs / 3600, 2) + ":"
                + pad((secs % 3600) / 60, 2) + ":" + pad(secs % 60, 2)
            s += offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + pad(abs(Int(offset)) / 3600, 2) + ":" + pad((abs(Int(offset)) % 3600) / 60, 2)
            return s
        }
        // Written into 25 bytes by hand: this runs several times per imported review, and
        // string concatenation (or String(format:), through NSString) showed in every profile.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 25) { b in
            func two(_ v: Int, _ at: Int) { b[at] = UInt8(48 + v / 10); b[at + 1] = UInt8(48 + v % 10) }
            let year = Int(y)
            two(year / 100, 0); two(year % 100, 2)
            b[4] = 45; two(m, 5); b[7] = 45; two(d, 8); b[10] = 84
            two(secs / 3600, 11); b[13] = 58; two((secs % 3600) / 60, 14); b[16] = 58; two(secs % 60, 17)
            var n = 19
            if offset == 0 {
                b[19] = 90
                n = 20
            } else {
                let a = abs(Int(offset))
                b[19] = offset < 0 ? 45 : 43
                two(a / 3600, 20); b[22] = 58; two((a % 3600) / 60, 23)
                n = 25
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[0..<n]), as: UTF8.self)
        }
    }

    /// `YYYY-Www`.
    static func weekText(_ year: Int64, _ week: Int) -> String {
        guard (0...9999).contains(year) else { return pad(Int(year), 4) + "-W" + pad(week, 2) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { b in
            let y = Int(year)
            b[0] = UInt8(48 + y / 1000); b[1] = UInt8(48 + y / 100 % 10); b[2] = UInt8(48 + y / 10 % 10)
            b[3] = UInt8(48 + y % 10); b[4] = 45; b[5] = 87; b[6] = UInt8(48 + week / 10); b[7] = UInt8(48 + week % 10)
            return String(decoding: UnsafeBufferPointer(b), as: UTF8.self)
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func isoWeek(epochSeconds: Int64) -> (Int64, Int) {
        let days = floorDiv(epochSeconds, 86_400)
        let weekday = Int((days % 7 + 7 + 3) % 7) // Monday = 0 (1970-01-01 was a Thursday)
        let thursday = days - Int64(weekday) + 3
        let (y, _, _) = civil(thursday)
        let jan1 = Timestamp.days(year: y, month: 1, day: 1)
        return (y, Int((thursday - jan1) / 7) + 1)
    }
}
