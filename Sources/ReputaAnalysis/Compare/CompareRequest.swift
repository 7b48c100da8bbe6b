import ReputaCore

/// What to compare: one ISO week, the trailing window that ends with it, an optional single
/// location, and the Bayesian prior's weight.
public struct CompareRequest: Sendable {
    /// `2026-W47`.
    public var week: String
    /// Weeks in the trailing window, the compared week included (default 12).
    public var weeks: Int
    /// Only this location id (nil: all).
    public var location: String?
    /// m in the Bayesian average: how many reviews' worth of the prior mean each item starts with.
    public var priorWeight: Double
    public var zone: ZoneOffsets
    /// Location ids in the order the config lists them; others follow sorted.
    public var locationOrder: [String]

    public init(week: String, weeks: Int = 12, location: String? = nil, priorWeight: Double = 10, zone: ZoneOffsets,
                locationOrder: [String] = []) {
        self.week = week
        self.weeks = weeks
        self.location = location
        self.priorWeight = priorWeight
        self.zone = zone
        self.locationOrder = locationOrder
    }

    /// The window's week labels, oldest first, ending with `week`; nil when `week` is not an ISO week label.
    public var windowWeeks: [String]? {
        guard week.contains("-W"), let first = Period.days(of: week)?.first else { return nil }
        return (0..<max(1, weeks)).reversed().map { Period.week.label(of: Day(days: first.days - Int64($0) * 7)) }
    }

    /// The ISO week before `week`.
    public var previousWeek: String? {
        guard let first = Period.days(of: week)?.first else { return nil }
        return Period.week.label(of: Day(days: first.days - 7))
    }

    /// The last ISO week that has ended by `now` in the zone: the default report week.
    public static func lastCompleteWeek(before now: Timestamp, zone: ZoneOffsets) -> String {
        Period.week.label(of: Day(days: Day(now, in: zone).days - 7))
    }

    /// The window as epoch seconds `from ..< before` (zone midnights), for loading records.
    public var epochWindow: (from: Int64, before: Int64)? {
        guard let weeks = windowWeeks, let first = Period.days(of: weeks[0])?.first,
              let last = Period.days(of: week)?.last else { return nil }
        func midnight(_ d: Day) -> Int64 {
            let utc = d.days * 86_400
            return utc - Int64(zone.offset(at: utc))
        }
        return (midnight(first), midnight(Day(days: last.days + 1)))
    }

    public func includes(location l: String) -> Bool { location.map { $0 == l } ?? true }

    func sorted(_ locations: Set<String>) -> [String] {
        locations.sorted { a, b in
            let ia = locationOrder.firstIndex(of: a) ?? Int.max, ib = locationOrder.firstIndex(of: b) ?? Int.max
            return ia != ib ? ia < ib : a < b
        }
    }
}
