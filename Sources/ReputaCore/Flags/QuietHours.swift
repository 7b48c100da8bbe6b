import Foundation

/// Hours in which a channel hears only urgent alerts: the others wait until the quiet hours end
/// and then go out together (as a digest when the channel is throttled).
public struct QuietHours: Equatable, Sendable {
    /// The quiet intervals per weekday in local time, as `BusinessHours` holds opening hours.
    public var hours: BusinessHours
    /// The text as configured, for messages.
    public var text: String

    /// Parses `22:00-07:00` (every day) or `mon-fri 22:00-07:00; sat-sun 00:00-24:00`: the
    /// syntax of business hours, days optional, and a range may run past midnight into the
    /// next day (`fri 22:00-07:00` is quiet until Saturday 07:00).
    public static func parse(_ text: String, zone: String) -> Result<QuietHours, HoursProblem> {
        var groups: [String] = []
        for group in text.split(separator: ";") {
            let parts = group.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard (1...2).contains(parts.count) else {
                return .failure(HoursProblem("\"\(group.trimmingCharacters(in: .whitespaces))\" is not \"[DAYS] HH:MM-HH:MM\""))
            }
            let days = parts.count == 2 ? parts[0] : "mon-sun"
            for range in parts.last!.split(separator: ",") {
                let ends = range.split(separator: "-").map(String.init)
                guard ends.count == 2, let a = BusinessHours.minutes(ends[0]), let b = BusinessHours.minutes(ends[1]), a != b else {
                    return .failure(HoursProblem("\"\(range)\" is not a time range like 22:00-07:00"))
                }
                guard a > b else {
                    groups.append("\(days) \(range)")
                    continue
                }
                // Past midnight: the evening on the given days, the morning on the days after.
                groups.append("\(days) \(ends[0])-24:00")
                if b > 0 {
                    guard let next = shifted(days) else { return .failure(HoursProblem("\"\(days)\" is not a day or day range (mon…sun)")) }
                    groups.append("\(next) 00:00-\(ends[1])")
                }
            }
        }
        // Each part on its own, then united: quiet ranges may overlap (a weekend all quiet
        // and the nights before it), which opening hours may not.
        var week = [[ClosedRange<Int>]](repeating: [], count: 7)
        for group in groups {
            switch BusinessHours.parse(group, zone: zone) {
            case .success(let part): for d in 0..<7 { week[d] += part.week[d] }
            case .failure(let problem): return .failure(problem)
            }
        }
        for d in 0..<7 {
            var merged: [ClosedRange<Int>] = []
            for r in week[d].sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = merged.last, r.lowerBound <= last.upperBound {
                    merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
                } else {
                    merged.append(r)
                }
            }
            week[d] = merged
        }
        return .success(QuietHours(hours: BusinessHours(week: week, zone: zone), text: text))
    }

    /// `fri` → `sat`, `sat-sun` → `sun,mon`: the days after each listed day.
    static func shifted(_ days: String) -> String? {
        var out: [String] = []
        for item in days.lowercased().split(separator: ",") {
            let ends = item.split(separator: "-").map(String.init)
            guard (1...2).contains(ends.count), let a = BusinessHours.dayNames.firstIndex(of: ends[0]),
                  let b = BusinessHours.dayNames.firstIndex(of: ends.last!), a <= b else { return nil }
            out += (a...b).map { BusinessHours.dayNames[($0 + 1) % 7] }
        }
        return out.joined(separator: ",")
    }

    /// The first instant at or after `at` that is not quiet: `at` itself outside quiet hours.
    /// Quiet intervals that meet at midnight count as one.
    public func end(after at: Timestamp) -> Timestamp {
        let offsets = ZoneOffsets.of(TimeZone(identifier: hours.zone) ?? .gmt)
        let start = offsets.local(at.epochSeconds)
        var local = start
        for _ in 0..<8 {
            let day = Timestamp.floorDiv(local, 86_400)
            let second = local - day * 86_400
            guard let range = hours.week[BusinessHours.weekday(day: day)].first(where: { Int64($0.lowerBound) * 60 <= second && second < Int64($0.upperBound) * 60 })
            else { break }
            local = day * 86_400 + Int64(range.upperBound) * 60
        }
        guard local != start else { return at }
        return Timestamp(epochSeconds: offsets.utc(fromLocal: local))
    }

    public func contains(_ at: Timestamp) -> Bool { end(after: at) != at }
}
