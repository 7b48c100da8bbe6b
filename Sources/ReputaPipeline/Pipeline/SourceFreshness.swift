import Foundation
import ReputaConfig
import ReputaCore
import ReputaStore

/// Whether each source is still bringing reviews: `ok`, `stale` (its newest review is older than
/// `Formulas.staleAfter` allows), `failing` (its last fetch failed), or `empty` (nothing held).
/// What `reputa sources` shows and the weekly report warns about.
public struct SourceFreshness: Equatable, Sendable {
    public enum Status: String, Sendable { case ok, stale, failing, empty }

    public var source: String
    public var status: Status
    /// Age of the newest review at `now`, in seconds (nil when nothing is held).
    public var newestAge: Int64?
    public var staleAfter: Int64

    /// Every configured source's freshness at `now`, in config order.
    public static func assess(_ config: Configuration, holdings: [String: SourceHoldings], states: [String: SourceState],
                              now: Timestamp) -> [SourceFreshness] {
        config.sources.map { entry in
            assess(entry.descriptor.name, staleAfter: entry.staleAfter, held: holdings[entry.descriptor.name],
                   state: states[entry.descriptor.name], now: now)
        }
    }

    /// One source's freshness at `now`; `staleAfter` (seconds) replaces the default limit.
    public static func assess(_ name: String, staleAfter: Int?, held: SourceHoldings?, state: SourceState?, now: Timestamp) -> SourceFreshness {
        let earliest = held?.earliest.flatMap(instant), latest = held?.latest.flatMap(instant)
        let limit = staleAfter.map(Int64.init) ?? Formulas.staleAfter(reviews: held?.reviews ?? 0, earliest: earliest, latest: latest)
        let age = latest.map { now.epochSeconds - $0.epochSeconds }
        let status: Status
        if (state?.consecutiveErrors ?? 0) > 0 {
            status = .failing
        } else if let age {
            status = age > limit ? .stale : .ok
        } else {
            status = .empty
        }
        return SourceFreshness(source: name, status: status, newestAge: age, staleAfter: limit)
    }

    /// A held record's time: an instant, or a day (customer periods, health signals) at its midnight UTC.
    static func instant(_ text: String) -> Timestamp? {
        Timestamp(utcISO: text) ?? Day(text).map { Timestamp(epochSeconds: $0.days * 86_400) }
    }

    /// Reads what `assess` needs from `store`.
    public static func assess(_ config: Configuration, store: any SQLStore, now: Timestamp) throws -> [SourceFreshness] {
        let states = Dictionary(uniqueKeysWithValues: try store.sourceStates().map { ($0.source, $0) })
        return assess(config, holdings: try store.holdings(), states: states, now: now)
    }
}
