import Foundation

/// A process-wide request to abandon network work, made when `reputa watch` is asked to stop
/// (SIGTERM, SIGINT): a transfer in flight ends within about a second (libcurl's progress
/// callback, which it calls at least once a second even when no byte arrives) instead of at
/// its timeout, and waits between retries end at once.
public enum TransferStop {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var requested = false

    public static func request() { lock.withLock { requested = true } }

    public static var isRequested: Bool { lock.withLock { requested } }

    /// Sleeps `seconds`, waking early when a stop is requested; false when it was.
    @discardableResult
    public static func sleep(_ seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while !isRequested {
            let left = end.timeIntervalSinceNow
            if left <= 0 { return true }
            Thread.sleep(forTimeInterval: min(left, 0.1))
        }
        return false
    }
}
