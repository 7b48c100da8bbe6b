import Foundation

/// Opening hours of a location in its own time zone: per weekday, intervals of local time.
/// SLA deadlines are counted in these hours, so a complaint posted on Saturday night with an
/// 8-hour SLA and hours `mon-fri 09:00-18:00` is due Monday 17:00.
public struct BusinessHours: Equatable, Sendable {
    /// Index 0 is Monday; each interval is minutes after local midnight, `start < end ≤ 1440`.
    public var week: [[ClosedRange<Int>]]
    public var zone: String

    public static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public init(week: [[ClosedRange<Int>]], zone: String) {
        self.week = week
        self.zone = zone
    }

    /// Parses `mon-fri 09:00-18:00; sat 10:00-14:00` (days: mon…sun, ranges or comma lists;
    /// times: comma lists of HH:MM-HH:MM, `24:00` for midnight at the end). Nil with the
    /// problem described when the text does not read.
    public static func parse(_ text: String, zone: String) -> Result<BusinessHours, HoursProblem> {
        var week = [[ClosedRange<Int>]](repeating: [], count: 7)
        for group in text.split(separator: ";") {
            let parts = group.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else {
                return .failure(HoursProblem("\"\(group.trimmingCharacters(in: .whitespaces))\" is not \"DAYS HH:MM-HH:MM\""))
            }
            var days: [Int] = []
            for item in parts[0].lowercased().split(separator: ",") {
                let ends = item.split(separator: "-").map(String.init)
                guard (1...2).contains(ends.count), let a = dayNames.firstIndex(of: ends[0]),
                      let b = dayNames.firstIndex(of: ends.last!), a <= b else {
                    return .failure(HoursProblem("\"\(item)\" is not a day or day range (mon…sun)"))
                }
                days += Array(a...b)
            }
            for item in parts[1].split(separator: ",") {
                let ends = item.split(separator: "-").map(String.init)
                guard ends.count == 2, let a = minutes(ends[0]), let b = minutes(ends[1]), a < b else {
                    return .failure(HoursProblem("\"\(item)\" is not a time range like 09:00-18:00"))
                }
                for d in days { week[d].append(a...b) }
            }
        }
        guard week.contains(where: { !$0.isEmpty }) else { return .failure(HoursProblem("no opening hours given")) }
        for d in 0..<7 {
            week[d].sort { $0.lowerBound < $1.lowerBound }
            for (x, y) in zip(week[d], week[d].dropFirst()) where y.lowerBound < x.upperBound {
                return .failure(HoursProblem("\(dayNames[d]) has overlapping ranges"))
            }
        }
        return .success(BusinessHours(week: week, zone: zone))
    }

    /// Monday = 0 … Sunday = 6 of a day counted from 1970-01-01 (a Thursday).
    static func weekday(day: Int64) -> Int {
        Int(((day + 3) % 7 + 7) % 7)
    }

    static func minutes(_ text: String) -> Int? {
        let hm = text.split(separator: ":")
        guard hm.count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
              (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    /// The instant `seconds` of open time after `start` (business-hours arithmetic). Walks
    /// day by day in local time; a year without any opening hour cannot happen (`parse`
    /// refuses an empty week).
    public func adding(_ seconds: Int, to start: Timestamp) -> Timestamp {
        let offsets = ZoneOffsets.of(TimeZone(identifier: zone) ?? .gmt)
        var local = offsets.local(start.epochSeconds)
        var remaining = Int64(seconds)
        for _ in 0..<800 {
            let day = Timestamp.floorDiv(local, 86_400)
            let second = local - day * 86_400
            for range in week[Self.weekday(day: day)] {
                let open = Int64(range.lowerBound) * 60, close = Int64(range.upperBound) * 60
                guard second < close else { continue }
                let from = max(second, open)
                if remaining <= close - from {
                    return Timestamp(epochSeconds: offsets.utc(fromLocal: day * 86_400 + from + remaining))
                }
                remaining -= close - from
            }
            local = (day + 1) * 86_400
        }
        return Timestamp(epochSeconds: start.epochSeconds + Int64(seconds))
    }
}

extension BusinessHours {
    /// Seconds of open time from `start` to `end` (0 when `end` is not after `start`): what is
    /// left of a deadline counted in business hours. Walks day by day like `adding`, at most
    /// 800 days.
    public func openSeconds(from start: Timestamp, to end: Timestamp) -> Int {
        guard end > start else { return 0 }
        let offsets = ZoneOffsets.of(TimeZone(identifier: zone) ?? .gmt)
        let from = offsets.local(start.epochSeconds), to = offsets.local(end.epochSeconds)
        var total: Int64 = 0
        var day = Timestamp.floorDiv(from, 86_400)
        for _ in 0..<800 where day * 86_400 < to {
            for range in week[Self.weekday(day: day)] {
                let open = day * 86_400 + Int64(range.lowerBound) * 60, close = day * 86_400 + Int64(range.upperBound) * 60
                total += max(0, min(close, to) - max(open, from))
            }
            day += 1
        }
        return Int(total)
    }
}

/// Why a business-hours text did not read.
public struct HoursProblem: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
