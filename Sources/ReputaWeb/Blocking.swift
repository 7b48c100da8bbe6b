import NIOPosix

/// Runs the store's blocking calls (SQLite, PostgreSQL's blocking client) on NIO's thread pool,
/// off the threads that serve requests.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
}

/// Sign-ins are checked one at a time, on a thread of their own: bcrypt takes a quarter of a
/// second by design, and a flood of guesses must neither hold the threads that serve pages nor
/// those that read the store. One at a time also means that concurrent guesses at one name in
/// one process meet the lock the earlier ones set.
let signInThread: NIOThreadPool = {
    let pool = NIOThreadPool(numberOfThreads: 1)
    pool.start()
    return pool
}()

func signInCheck<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await signInThread.runIfActive(body)
}
