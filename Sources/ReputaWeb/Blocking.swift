import NIOPosix

/// Runs the store's blocking calls (SQLite, PostgreSQL's blocking client) on NIO's thread pool,
/// off the threads that serve requests.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
}
