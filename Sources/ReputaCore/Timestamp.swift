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

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epochSeconds < b.epochSeconds }

    /// `YYYY-MM-DDTHH:MM:SSZ`, sortable as text.
    public var utcISO: String { Self.format(epochSeconds: epochSeconds, offset: 0) }

    /// The time as it was written: `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`).
    public var originalISO: String { Self.format(epochSeconds: epochSeconds, offset: offsetSeconds) }

    /// ISO 8601 week of the UTC instant, `YYYY-Www` (weeks start on Monday; week 1 holds the
    /// year's first Thursday).
    public var isoWeek: String {
        let (y, w) = Self.isoWeek(epochSeconds: epochSeconds)
        return Self.pad(Int(y), 4) + "-W" + Self.pad(w, 2)
    }

    /// ISO 8601 week of the local date in `zone`: a review written on Monday 00:30 in Rome
    /// belongs to that Monday's week even though it is still Sunday in UTC.
    public func isoWeek(in zone: TimeZone) -> String {
        let local = epochSeconds + Int64(zone.secondsFromGMT(for: date))
        let (y, w) = Self.isoWeek(epochSeconds: local)
        return Self.pad(Int(y), 4) + "-W" + Self.pad(w, 2)
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
        let secs = local - days * 86_400
        let (y, m, d) = civil(days)
        // Hand-padded: String(format:) goes through NSString and showed up in every import profile.
        var s = pad(Int(y), 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(Int(secs / 3600), 2) + ":"
            + pad(Int((secs % 3600) / 60), 2) + ":" + pad(Int(secs % 60), 2)
        if offset == 0 {
            s += "Z"
        } else {
            let a = abs(Int(offset))
            s += (offset < 0 ? "-" : "+") + pad(a / 3600, 2) + ":" + pad((a % 3600) / 60, 2)
        }
        return s
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
