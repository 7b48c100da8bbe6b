import Dispatch

/// Runs the async work the blocking session must wait for (postgres-nio's `COPY` is async
/// only) on a serial dispatch queue of its own. On the shared concurrency pool it could wait
/// forever: a caller blocked on one of the pool's threads (a test, an async command) would hold
/// the very thread the work needs, and the pool has one thread per core.
final class QueueExecutor: TaskExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
