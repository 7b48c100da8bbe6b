import Foundation

/// UTC offsets of a time zone, remembered per UTC day: `TimeZone.secondsFromGMT(for:)` costs
/// microseconds on Linux and ran two or three times per imported review (perf, `make bench`).
/// A day whose offset changes (a DST switch) is never cached: it is asked of the zone each
/// time. Shared by all threads behind a lock.
public final class ZoneOffsets: @unchecked Sendable {
    let zone: TimeZone
    let lock = NSLock()
    /// UTC day → offset in force for the whole day; `Int32.min`: the offset changes that day.
    var days: [Int64: Int32] = [:]

    static let registryLock = NSLock()
    nonisolated(unsafe) static var registry: [String: ZoneOffsets] = [:]

    init(zone: TimeZone) { self.zone = zone }

    /// The cache for `zone` (one per zone identifier for the whole process).
    public static func of(_ zone: TimeZone) -> ZoneOffsets {
        registryLock.lock()
        defer { registryLock.unlock() }
        if let known = registry[zone.identifier] { return known }
        let made = ZoneOffsets(zone: zone)
        registry[zone.identifier] = made
        return made
    }

    /// The zone's wall clock at `epochSeconds`, as seconds since 1970-01-01 00:00 local.
    public func local(_ epochSeconds: Int64) -> Int64 {
        epochSeconds + Int64(offset(at: epochSeconds))
    }

    /// The instant at which the wall clock reads `local` (one correction pass for a day whose
    /// offset changes).
    public func utc(fromLocal local: Int64) -> Int64 {
        let first = local - Int64(offset(at: local))
        return local - Int64(offset(at: first))
    }

    /// Seconds east of UTC in force at the instant `epochSeconds`.
    public func offset(at epochSeconds: Int64) -> Int {
        let day = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        lock.lock()
        let known = days[day]
        lock.unlock()
        if let known, known != Int32.min { return Int(known) }
        let exact = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epochSeconds)))
        if known == nil {
            let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(day * 86_400)))
            let last = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(day * 86_400 + 86_399)))
            // Equal at both ends is not proof for a zone that switches twice in a day, which no
            // zone does; `nextDaylightSavingTimeTransition` settles it where it is cheap to ask.
            let switches = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(day * 86_400 - 1)))
                .map { $0.timeIntervalSince1970 < TimeInterval(day * 86_400 + 86_400) } ?? false
            lock.lock()
            days[day] = first == last && !switches ? Int32(first) : Int32.min
            lock.unlock()
        }
        return exact
    }
}
