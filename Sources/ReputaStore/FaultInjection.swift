import Foundation

/// Crash testing, debug builds only: `REPUTA_FAULT_KILL_AFTER_REVIEWS=N` makes the process
/// SIGKILL itself while writing review N+1, inside an open transaction, so tests can prove a
/// batch is all or nothing. Release builds compile this to nothing.
enum FaultInjection {
    #if DEBUG
    nonisolated(unsafe) static var written = 0
    static let killAfter = ProcessInfo.processInfo.environment["REPUTA_FAULT_KILL_AFTER_REVIEWS"].flatMap(Int.init)
    #endif

    @inline(__always)
    static func reviewWritten() {
        #if DEBUG
        guard let limit = killAfter else { return }
        if written == limit { kill(getpid(), SIGKILL) }
        written += 1
        #endif
    }
}
