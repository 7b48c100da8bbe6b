import Foundation
import ReputaStore

/// Keeps a watch worker's source leases alive while their fetches run: every third of the lease
/// it renews each one not yet given back. Without it a fetch longer than `--lease` (a slow
/// portal, a large export) lost its source midway to another worker, which fetched it again.
///
/// It renews through a store connection of its own, opened at the first renewal (short fetches
/// never open one): the fetch's import holds the worker's connection for a whole payload.
/// A renewal that fails is said once on stderr; the lease then lapses in its own time.
final class LeaseKeeper: @unchecked Sendable {
    private let condition = NSCondition()
    private var held: Set<String>
    private var stopped = false

    /// Starts renewing `names` for `holder`, `lease` seconds at a time; `open` opens the keeper's
    /// own store connection.
    init(names: Set<String>, holder: String, lease: Int, log: any PipelineLog,
         open: @escaping @Sendable () throws -> any SQLStore) {
        held = names
        let every = max(0.5, Double(lease) / 3)
        Thread.detachNewThread { [self] in
            var store: (any SQLStore)?
            var complained: Set<String> = []
            while let names = nextRound(after: every) {
                guard !names.isEmpty else { continue }
                do {
                    let opened = try store ?? open()
                    store = opened
                    for name in names {
                        let until = Date().addingTimeInterval(TimeInterval(lease))
                        if try !opened.renewLease(name, holder: holder, until: until), complained.insert(name).inserted {
                            log.note("reputa: the lease on \(name) was lost to another worker during its fetch")
                        }
                    }
                } catch {
                    if complained.insert("").inserted {
                        log.note("reputa: cannot renew the source leases (\(error)); they lapse in their own time")
                    }
                }
            }
        }
    }

    /// Waits `seconds`; the leases still held then, or nil once stopped.
    private func nextRound(after seconds: Double) -> Set<String>? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while !stopped, Date() < deadline { _ = condition.wait(until: deadline) }
        return stopped ? nil : held
    }

    /// `name` was given back: no more renewals for it.
    func release(_ name: String) {
        condition.lock()
        held.remove(name)
        condition.unlock()
    }

    /// Ends the renewals (the fetches are over).
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }
}
