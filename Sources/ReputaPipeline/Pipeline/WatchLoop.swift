import Foundation
import ReputaConfig
import ReputaCore
import ReputaStore

/// One `reputa watch` process's schedule and its cycles: fetch the sources that are due, flag
/// what is new, deliver the due alerts, and say so in one log line. A source is due `every`
/// (its own, else the default) after its last fetch, plus a jitter of up to a tenth of the
/// interval so sources that share a host do not all fire at once.
///
/// The schedule lives in the store (`leases`, one `source:NAME` row each), shared by every
/// watch process on it: a worker claims due sources (at most `concurrency` a cycle, so the
/// others get the rest), fetches them, and gives each back due again one interval later. A
/// source is thus fetched by one worker per interval; a worker renews its leases while their
/// fetches run (`LeaseKeeper`), and one that dies holding one loses it after `--lease` (at once
/// to a worker on the same machine, which sees the process gone).
/// The first worker seeds the schedule from `source_state`, so a restarted watch does not fetch
/// again what was just fetched.
///
/// Cycles run one after another on one thread; `stop` is asked between alerts, so a stop
/// request lets the alert in flight finish and be marked sent.
package final class WatchLoop: @unchecked Sendable {
    let context: RunContext
    var config: Configuration { context.config }
    package var store: any SQLStore { context.store }
    let defaultEvery: Int
    /// Seconds a claimed source stays this worker's without being given back.
    let lease: Int
    let holder = LeaseRecords.thisProcess
    package private(set) var cycles = 0

    /// What one cycle did (its line, and a warning line when flags reach no channel), for the
    /// log and the exit status of a bounded watch.
    struct Result {
        var line: String
        var status: ExitStatus
    }

    package init(_ context: RunContext, defaultEvery: Int, lease: Int) throws {
        self.context = context
        let (config, store) = (context.config, context.store)
        self.defaultEvery = defaultEvery
        self.lease = lease
        var due: [String: Date] = [:]
        for entry in config.sources {
            let last = try store.sourceState(entry.descriptor.name)?.lastAttemptAt.flatMap(Timestamp.init(utcISO:))
            due[Self.leaseName(entry)] = last.map { Date(timeIntervalSince1970: TimeInterval($0.epochSeconds + Int64(interval(entry)))) }
                ?? Date(timeIntervalSince1970: 0)
        }
        try store.scheduleLeases(due)
    }

    static func leaseName(_ entry: Configuration.SourceEntry) -> String { leaseName(entry.descriptor.name) }
    static func leaseName(_ source: String) -> String { "source:" + source }

    func interval(_ entry: Configuration.SourceEntry) -> Int { entry.every ?? defaultEvery }

    /// Seconds until the next source is due (0 when one is due now): its shared due time, or
    /// the end of another worker's lease on it.
    func secondsToNextSource(at now: Date) -> Double {
        let names = Set(config.sources.map(Self.leaseName))
        let nowText = LeaseRecords.text(now)
        let next = ((try? store.leases()) ?? []).filter { names.contains($0.name) }.map { lease -> String in
            if let until = lease.leaseUntil, lease.holder != nil, until > nowText { return max(until, lease.dueAt) }
            return lease.dueAt
        }.min()
        guard let next, let at = LeaseRecords.date(next) else { return Double(defaultEvery) }
        return max(0, at.timeIntervalSince(now))
    }

    func cycle(stop: @escaping @Sendable () -> Bool) -> Result {
        cycles += 1
        let started = Date()
        var parts: [String] = []
        var status = ExitStatus.ok
        var warning: String?
        do {
            let claimed = Set(try store.claimLeases(config.sources.map(Self.leaseName), holder: holder, now: started,
                                                    until: started.addingTimeInterval(TimeInterval(lease)),
                                                    limit: config.concurrency))
            let due = config.sources.filter { claimed.contains(Self.leaseName($0)) }
            if due.isEmpty {
                parts.append("no source due")
            } else {
                let outcomes: [SourceOutcome]
                let intervals = Dictionary(uniqueKeysWithValues: due.map { ($0.descriptor.name, Double(interval($0))) })
                let (store, holder) = (self.store, self.holder)
                let context = self.context
                let keeper = LeaseKeeper(names: Set(due.map(Self.leaseName)), holder: holder, lease: lease, log: context.log,
                                         open: context.openStore)
                defer { keeper.stop() }
                do {
                    // Each source is given back as soon as it is done, due again one interval
                    // (plus jitter) later: held until the batch's slowest source ended, a fast
                    // one went late, or twice if this worker died meanwhile.
                    outcomes = try SourceRunner.fetch(context, only: due.map(\.descriptor.name)) { outcome in
                        let every = intervals[outcome.source] ?? Double(self.defaultEvery)
                        // A source a stop left unread is due again at once, for whichever worker runs next.
                        let next = outcome.interrupted ? Date() : Date().addingTimeInterval(every + Double.random(in: 0...(every / 10)))
                        let name = Self.leaseName(outcome.source)
                        keeper.release(name)
                        do {
                            try store.releaseLease(name, holder: holder, nextDue: next)
                        } catch {
                            context.log.note("reputa: \(error) (the lease on \(outcome.source) lapses in its own time)")
                        }
                    }
                } catch {
                    // The store failed: the sources not yet given back stay due for the next cycle, of any worker.
                    for entry in due { try? store.releaseLease(Self.leaseName(entry), holder: holder) }
                    throw error
                }
                let failed = outcomes.filter { $0.failure != nil }.map(\.source)
                let unread = outcomes.filter { $0.failure == nil && $0.interrupted }.map(\.source)
                let counts = outcomes.reduce(ImportCounts()) { $0 + $1.counts }
                parts.append("fetched \(outcomes.count - failed.count - unread.count) of \(outcomes.count) due source\(outcomes.count == 1 ? "" : "s")"
                             + (failed.isEmpty ? "" : " (failed: \(failed.joined(separator: ", ")))")
                             + (unread.isEmpty ? "" : " (stopped before reading: \(unread.joined(separator: ", ")))")
                             + ", \(counts.new) new, \(counts.updated) updated reviews")
                status = SourceRunner.status(outcomes)
            }
            if !stop() {
                let reaction = try Reaction.run(context, now: context.clock(), deliver: true, stop: stop)
                let flagged = reaction.flags
                parts.append("flags: \(flagged.evaluated) evaluated, \(flagged.flagged) new, \(reaction.queued.queued) alerts queued"
                             + (reaction.queued.summarized.isEmpty ? "" : ", \(reaction.queued.summarized.values.reduce(0, +)) older ones summarized"))
                let alerts = reaction.delivery ?? AlertDelivery.Counts()
                parts.append(AlertDelivery.summary(alerts))
                warning = Reaction.unroutedWarning(reaction.unrouted)
                if alerts.failed > 0, status == .ok { status = .undelivered }
            }
        } catch {
            // The store itself failed (a broken source never gets here): say so and try again next cycle.
            parts.append("failed: \(error)")
            status = .failure
        }
        let next = secondsToNextSource(at: Date())
        parts.append(String(format: "%.1fs; next source due in %.0fs", Date().timeIntervalSince(started), next))
        return Result(line: "watch cycle \(cycles): " + parts.joined(separator: "; ") + (warning.map { "\n" + $0 } ?? ""),
                      status: status)
    }
}
