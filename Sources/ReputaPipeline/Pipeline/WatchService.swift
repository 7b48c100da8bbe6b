import Foundation
import ReputaConfig
import ReputaCore
import ReputaNet
import ServiceLifecycle

/// `reputa watch` as a swift-service-lifecycle `Service`: runs `WatchLoop` cycles until the
/// service group shuts down gracefully (SIGINT, SIGTERM) or `cycles` are done. A cycle runs on
/// its own thread (fetching and SQLite block); a shutdown request wakes the sleep at once and
/// is passed into the cycle, which finishes the alert in flight and starts nothing new.
package final class WatchService: Service, @unchecked Sendable {
    let loop: WatchLoop
    let tick: Int
    let cycles: Int?
    let stopRequested = Locked(false)
    package let lastStatus = Locked(ExitStatus.ok)
    /// When the last cycle ended (nil before the first): `/healthz` under `watch --serve`.
    package let lastCycleEnd = Locked<Date?>(nil)

    package init(loop: WatchLoop, tick: Int, cycles: Int?) {
        self.loop = loop
        self.tick = tick
        self.cycles = cycles
    }

    package func run() async throws {
        let stop = stopRequested
        await withGracefulShutdownHandler {
            while !stop.value {
                let result = await runCycle()
                loop.context.log.note(result.line)
                lastCycleEnd.value = Date()
                lastStatus.value = cycles == nil ? .ok : result.status
                if let cycles, loop.cycles >= cycles { break }
                let wait = min(Double(tick), loop.secondsToNextSource(at: Date()))
                guard !stop.value, wait > 0 else { continue }
                // Woken early by a shutdown request: CancellationError, and the loop ends.
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
            }
        } onGracefulShutdown: {
            stop.value = true
            // Transfers in flight end now (within about a second), not at their timeouts.
            TransferStop.request()
        }
    }

    private func runCycle() async -> WatchLoop.Result {
        let stop = stopRequested
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { [loop] in
                continuation.resume(returning: loop.cycle(stop: { stop.value }))
            }
        }
    }
}

/// A value shared between threads (the stop request, the last cycle's status).
package final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    package var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
