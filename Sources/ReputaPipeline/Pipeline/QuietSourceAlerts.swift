import Foundation
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaOutput
import ReputaStore

/// Tells the channels of `notifications.quiet_sources` when a review source goes quiet: its
/// newest review is older than expected (`stale` in `reputa sources`, or `failing` with a newest
/// review that old: a fetch that keeps failing is the commonest reason). Each quiet spell
/// is told once, by whichever worker claims it in the store first; a spell ends when the source
/// brings reviews again, and the next one is told again. A delivery that fails gives the claim
/// back, so the next cycle tries again (a channel that did get it may then hear it twice: at
/// least once, never lost).
package enum QuietSourceAlerts {
    /// Log lines: who was told, or why not.
    package static func run(_ context: RunContext, now: Timestamp) throws -> [String] {
        let (config, store) = (context.config, context.store)
        let channels = config.notifications.quietSourceChannels.compactMap { config.notifications.channel(named: $0) }
        guard !channels.isEmpty else { return [] }
        // Quiet by age, whatever the last fetch did: one failed fetch neither hides nor ends a spell.
        let quiet = try SourceFreshness.reviewSources(config, store: store, now: now).filter { ($0.newestAge ?? 0) > $0.staleAfter }
        try store.clearQuietAlerts(keeping: quiet.map(\.source))
        var claimed: [SourceFreshness] = []
        for fresh in quiet where try store.claimQuietAlert(source: fresh.source, at: now) { claimed.append(fresh) }
        guard !claimed.isEmpty else { return [] }
        let notices = claimed.map(ReportDocument.QuietSource.init)
        let sender = AlertDelivery.Sender(config: config, now: now)
        let names = claimed.map(\.source).joined(separator: ", ")
        var lines: [String] = [], failed = false
        for channel in channels {
            if let reason = sender.send(.quietSources(notices), channel: channel, deliveryID: "reputa-quiet-\(now.epochSeconds)") {
                lines.append("quiet sources: not delivered to \(reason); tried again next cycle")
                failed = true
            } else {
                lines.append("quiet sources: \(channel.name) told that \(names) went quiet")
            }
        }
        if failed { for fresh in claimed { try store.releaseQuietAlert(source: fresh.source) } }
        return lines
    }
}

extension SourceFreshness {
    /// The review sources (not survey, helpdesk or customer files) and their freshness at `now`,
    /// in config order; with `location`, only that location's and those without one.
    package static func reviewSources(_ config: Configuration, store: any SQLStore, now: Timestamp,
                                      location: (String) -> Bool = { _ in true }) throws -> [SourceFreshness] {
        try assess(config, store: store, now: now).filter { fresh in
            guard let entry = config.sources.first(where: { $0.descriptor.name == fresh.source }) else { return false }
            return Kinds.named(entry.descriptor.kind) != nil && (entry.descriptor.location.isEmpty || location(entry.descriptor.location))
        }
    }
}

extension ReportDocument.QuietSource {
    /// What the report and the alerts say of a source that is not `ok`.
    init(_ fresh: SourceFreshness) {
        self.init(source: fresh.source, status: fresh.status.rawValue, newestAgeDays: fresh.newestAge.map { Double($0) / 86_400 },
                  staleAfterDays: Double(fresh.staleAfter) / 86_400)
    }
}
