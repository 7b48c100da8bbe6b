import Foundation
import ReputaAnalysis
import ReputaConfig
import ReputaCore
import ReputaStore

/// Reads from the store what the comparer needs for one request, and nothing more: review
/// tallies and reply delays of the window (and the week before it), the survey answers and
/// tickets of those weeks, and each source's coverage.
package enum ComparisonLoader {
    package static func inputs(store: any SQLStore, config: Configuration?, request: CompareRequest) throws -> CompareInputs {
        guard let weeks = request.windowWeeks, let previous = request.previousWeek,
              let span = request.epochWindow else { return CompareInputs(tallies: [], delays: []) }
        let first = min(weeks[0], previous)
        // The window plus the week before it (the first week's own comparison).
        let from = span.from - 7 * 86_400
        // Coverage is noted where it tells something: sources whose portal states a total or whose
        // route is capped. Counting every source's reviews would scan the whole store.
        var coverage: [SourceCoverage] = []
        for state in try store.sourceStates().sorted(by: { $0.source < $1.source }) {
            let entry = config?.source(named: state.source)
            guard entry?.descriptor.records == nil else { continue } // survey and helpdesk sources are not portals
            let cap = state.routeCap ?? entry?.routeCap
            guard state.portalTotal != nil || cap != nil else { continue }
            let held = try store.coverageCount(source: state.source)
            coverage.append(SourceCoverage(source: state.source, stored: held.reviews, portalTotal: state.portalTotal,
                                           routeCap: cap, earliest: held.earliestWeek))
        }
        return CompareInputs(
            tallies: try store.reviewTallies(firstWeek: first, lastWeek: request.week),
            delays: try store.replyDelays(firstWeek: first, lastWeek: request.week),
            answers: try store.surveyAnswers(from: from, before: span.before),
            tickets: try store.tickets(from: from, before: span.before),
            coverage: coverage, benchmarks: config?.benchmarks ?? [])
    }

    /// The request for `--week`, `--weeks`, `--location` with the config's defaults.
    package static func request(week: String?, weeks: Int?, location: String?, config: Configuration?, now: Timestamp) throws -> CompareRequest {
        let zone = ZoneOffsets.of(TimeZone(identifier: config?.timezone ?? "Europe/Rome") ?? .gmt)
        let label = week ?? CompareRequest.lastCompleteWeek(before: now, zone: zone)
        guard label.range(of: #"^\d{4}-W\d{2}$"#, options: .regularExpression) != nil, Period.days(of: label) != nil else {
            throw UsageError("--week \"\(label)\" is not an ISO week (YYYY-Www, e.g. 2026-W47)")
        }
        if let location, let config, !config.locations.isEmpty, !config.locations.contains(where: { $0.id == location }) {
            throw UsageError("--location \"\(location)\" is not a configured location (\(config.locations.map(\.id).joined(separator: ", ")))")
        }
        return CompareRequest(week: label, weeks: weeks ?? config?.report.weeks ?? 12, location: location,
                              priorWeight: config?.report.priorWeight ?? 10, zone: zone,
                              locationOrder: config?.locations.map(\.id) ?? [])
    }
}
