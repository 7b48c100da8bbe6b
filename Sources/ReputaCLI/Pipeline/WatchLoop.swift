import Foundation
import ReputaCore
import ReputaStore

/// One `reputa watch` process's schedule and its cycles: fetch the sources that are due, flag
/// what is new, deliver the due alerts, and say so in one log line. A source is due `every`
/// (its own, else the default) after its last attempt, plus a jitter of up to a tenth of the
/// interval so sources that share a host do not all fire at once. The schedule starts from the
/// store's `source_state`, so a restarted watch does not fetch again what was just fetched.
///
/// Cycles run one after another on one thread; `stop` is asked between alerts, so a stop
/// request lets the alert in flight finish and be marked sent.
final class WatchLoop: @unchecked Sendable {
    let config: Configuration
    let store: any SQLStore
    let global: GlobalOptions
    let defaultEvery: Int
    private(set) var nextDue: [String: Date] = [:]
    private(set) var cycles = 0

    /// What one cycle did, for the exit status of a bounded watch.
    struct Result {
        var line: String
        var status: ExitStatus
    }

    init(config: Configuration, store: any SQLStore, global: GlobalOptions, defaultEvery: Int) throws {
        self.config = config
        self.store = store
        self.global = global
        self.defaultEvery = defaultEvery
        for entry in config.sources {
            let name = entry.descriptor.name
            let last = try store.sourceState(name)?.lastAttemptAt.flatMap(Timestamp.init(utcISO:))
            nextDue[name] = last.map { Date(timeIntervalSince1970: TimeInterval($0.epochSeconds + Int64(interval(entry)))) } ?? .distantPast
        }
    }

    func interval(_ entry: Configuration.SourceEntry) -> Int { entry.every ?? defaultEvery }

    /// Seconds until the next source is due (0 when one is due now).
    func secondsToNextSource(at now: Date) -> Double {
        max(0, (nextDue.values.min() ?? now.addingTimeInterval(TimeInterval(defaultEvery))).timeIntervalSince(now))
    }

    func cycle(stop: @escaping @Sendable () -> Bool) -> Result {
        cycles += 1
        let started = Date()
        var parts: [String] = []
        var status = ExitStatus.ok
        do {
            let due = config.sources.filter { (nextDue[$0.descriptor.name] ?? .distantPast) <= started }
            if due.isEmpty {
                parts.append("no source due")
            } else {
                let outcomes = try SourceRunner.fetch(config: config, only: due.map(\.descriptor.name), store: store, global: global)
                for entry in due {
                    let every = Double(interval(entry))
                    nextDue[entry.descriptor.name] = Date().addingTimeInterval(every + Double.random(in: 0...(every / 10)))
                }
                let failed = outcomes.filter { $0.failure != nil }.map(\.source)
                let counts = outcomes.reduce(ImportCounts()) { $0 + $1.counts }
                parts.append("fetched \(outcomes.count - failed.count) of \(outcomes.count) due source\(outcomes.count == 1 ? "" : "s")"
                             + (failed.isEmpty ? "" : " (failed: \(failed.joined(separator: ", ")))")
                             + ", \(counts.new) new, \(counts.updated) updated reviews")
                status = SourceRunner.status(outcomes)
            }
            if !stop() {
                let now = Clock.now()
                let flagged = try FlagPass.run(store: store, rules: config.flags, now: now,
                                               deliverable: Set(config.notifications.channels.map(\.name)))
                parts.append("flags: \(flagged.evaluated) evaluated, \(flagged.flagged) new, \(flagged.alertsQueued) alerts queued")
                let alerts = try AlertDelivery.deliver(store: store, settings: config.notifications, zone: config.timezone, now: now,
                                                       caBundle: config.http.caBundle, stop: stop)
                parts.append(AlertDelivery.summary(alerts))
                if alerts.failed > 0, status == .ok { status = .undelivered }
            }
        } catch {
            // The store itself failed (a broken source never gets here): say so and try again next cycle.
            parts.append("failed: \(error)")
            status = .failure
        }
        let next = secondsToNextSource(at: Date())
        parts.append(String(format: "%.1fs; next source due in %.0fs", Date().timeIntervalSince(started), next))
        return Result(line: "watch cycle \(cycles): " + parts.joined(separator: "; "), status: status)
    }
}
