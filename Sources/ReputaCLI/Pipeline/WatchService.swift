import Foundation
import ReputaCore
import ServiceLifecycle

/// `reputa watch` as a swift-service-lifecycle `Service`: runs `WatchLoop` cycles until the
/// service group shuts down gracefully (SIGINT, SIGTERM) or `cycles` are done. A cycle runs on
/// its own thread (fetching and SQLite block); a shutdown request wakes the sleep at once and
/// is passed into the cycle, which finishes the alert in flight and starts nothing new.
final class WatchService: Service, @unchecked Sendable {
    let loop: WatchLoop
    let tick: Int
    let cycles: Int?
    let stopRequested = Locked(false)
    let lastStatus = Locked(ExitStatus.ok)

    init(loop: WatchLoop, tick: Int, cycles: Int?) {
        self.loop = loop
        self.tick = tick
        self.cycles = cycles
    }

    func run() async throws {
        let stop = stopRequested
        await withGracefulShutdownHandler {
            while !stop.value {
                let result = await runCycle()
                Console.err(result.line)
                lastStatus.value = cycles == nil ? .ok : result.status
                if let cycles, loop.cycles >= cycles { break }
                let wait = min(Double(tick), loop.secondsToNextSource(at: Date()))
                guard !stop.value, wait > 0 else { continue }
                // Woken early by a shutdown request: CancellationError, and the loop ends.
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
            }
        } onGracefulShutdown: {
            stop.value = true
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
final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
