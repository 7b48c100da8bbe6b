import Foundation
import ReputaNet

/// Keeps at least `delay` seconds between two requests to the same host, across every source
/// fetched concurrently in this process (the politeness delay).
public final class HostPacer: @unchecked Sendable {
    let delay: Double
    let lock = NSLock()
    var nextSlot: [String: Double] = [:]

    public init(delay: Double) { self.delay = delay }

    /// Blocks until `host` may be asked again, and books the next slot.
    public func wait(host: String) {
        guard delay > 0 else { return }
        lock.lock()
        let now = Date().timeIntervalSince1970
        let slot = max(now, nextSlot[host] ?? now)
        nextSlot[host] = slot + delay
        lock.unlock()
        if slot > now { TransferStop.sleep(slot - now) }
    }
}
