import Foundation
import ReputaConfig
import ReputaCore
import ReputaStore

/// Shared work done by one process at a time across every worker on the store (the flag pass,
/// alert delivery): the work's lease is claimed first, renewed as the work goes on, and given
/// back at the end. A process that cannot claim it leaves the work to the holder.
package struct WorkLease {
    /// How long a claim lasts without renewal: longer than any one step of the work (one batch
    /// of the flag pass, one alert). `reputa watch --lease` sets it.
    package nonisolated(unsafe) static var seconds = 900

    static let flagPass = "flag-pass"
    static let alertDelivery = "alert-delivery"

    let store: any SQLStore
    let name: String
    let holder = LeaseRecords.thisProcess

    /// Runs `body` under the lease; nil, without running it, when another live process holds
    /// it. `body` gets `keep`, which renews the lease and says false once it was lost.
    static func run<T>(_ name: String, store: any SQLStore, _ body: (_ keep: () throws -> Bool) throws -> T) throws -> T? {
        let lease = WorkLease(store: store, name: name)
        let now = Date() // wall-clock time between processes, never $REPUTA_NOW
        guard try !store.claimLeases([name], holder: lease.holder, now: now, until: lease.until(from: now)).isEmpty else {
            return nil
        }
        do {
            let result = try body { try store.renewLease(name, holder: lease.holder, until: lease.until(from: Date())) }
            try store.releaseLease(name, holder: lease.holder)
            return result
        } catch {
            try? store.releaseLease(name, holder: lease.holder)
            throw error
        }
    }

    func until(from now: Date) -> Date { now.addingTimeInterval(TimeInterval(Self.seconds)) }
}
