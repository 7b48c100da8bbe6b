/// A calendar date without a time (a period's first or last day), as days since 1970-01-01.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var days: Int64

    public init(days: Int64) { self.days = days }

    /// `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int64(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let days = Timestamp.days(year: y, month: m, day: d)
        guard Timestamp.civil(days) == (y, m, d) else { return nil }
        self.days = days
    }

    /// The local date of an instant in a zone.
    public init(_ at: Timestamp, in offsets: ZoneOffsets) {
        days = Timestamp.floorDiv(at.epochSeconds + Int64(offsets.offset(at: at.epochSeconds)), 86_400)
    }

    public var civil: (year: Int64, month: Int, day: Int) {
        let c = Timestamp.civil(days)
        return (c.y, c.m, c.d)
    }

    public var description: String {
        let c = civil
        return Timestamp.pad(Int(c.year), 4) + "-" + Timestamp.pad(c.month, 2) + "-" + Timestamp.pad(c.day, 2)
    }

    public static func < (a: Day, b: Day) -> Bool { a.days < b.days }
}

/// The reporting periods metrics are grouped by, in the configured time zone.
public enum Period: String, CaseIterable, Sendable {
    case week, month, quarter
    /// One bucket for the whole requested window, labelled `all` (the comparer's 12-week figures).
    case whole

    /// `2026-W47`, `2026-11`, `2026-Q4`.
    public func label(of day: Day) -> String {
        switch self {
        case .week:
            let (y, w) = Timestamp.isoWeek(epochSeconds: day.days * 86_400)
            return Timestamp.weekText(y, w)
        case .month:
            let c = day.civil
            return Timestamp.pad(Int(c.year), 4) + "-" + Timestamp.pad(c.month, 2)
        case .quarter:
            let c = day.civil
            return Timestamp.pad(Int(c.year), 4) + "-Q\((c.month - 1) / 3 + 1)"
        case .whole:
            return "all"
        }
    }
}

extension Period {
    /// The first and last day of a period written as a label: `2026-W47` (ISO week, Monday
    /// to Sunday), `2026-11` (month), `2026-Q4` (quarter), or one day `2026-11-03`.
    public static func days(of label: String) -> (first: Day, last: Day)? {
        let t = label.trimmingCharacters(in: .whitespaces)
        if let d = Day(t) { return (d, d) }
        let parts = t.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int64(parts[0]) else { return nil }
        let rest = parts[1]
        if rest.hasPrefix("W"), let w = Int(rest.dropFirst()), (1...53).contains(w) {
            // Week 1 holds 4 January; its Monday starts the ISO year.
            let jan4 = Timestamp.days(year: y, month: 1, day: 4)
            let monday = jan4 - Int64((jan4 % 7 + 7 + 3) % 7) + Int64(w - 1) * 7
            let first = Day(days: monday)
            guard Period.week.label(of: first) == t else { return nil }
            return (first, Day(days: monday + 6))
        }
        if rest.hasPrefix("Q"), let q = Int(rest.dropFirst()), (1...4).contains(q) {
            let first = Timestamp.days(year: y, month: (q - 1) * 3 + 1, day: 1)
            let next = q == 4 ? Timestamp.days(year: y + 1, month: 1, day: 1) : Timestamp.days(year: y, month: q * 3 + 1, day: 1)
            return (Day(days: first), Day(days: next - 1))
        }
        if rest.count == 2, let m = Int(rest), (1...12).contains(m) {
            let first = Timestamp.days(year: y, month: m, day: 1)
            let next = m == 12 ? Timestamp.days(year: y + 1, month: 1, day: 1) : Timestamp.days(year: y, month: m + 1, day: 1)
            return (Day(days: first), Day(days: next - 1))
        }
        return nil
    }
}
