import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import ReputaCore
import ReputaStore

/// One connection to the server, used from synchronous code: every call blocks its caller
/// (never an event-loop thread) until the server answers. The store is synchronous like the
/// SQLite one, so the commands stay the same on either; postgres-nio does the protocol work
/// on its own event-loop thread.
public final class PostgresSession: @unchecked Sendable {
    public let location: PostgresLocation
    let group: MultiThreadedEventLoopGroup
    let configuration: PostgresConnection.Configuration
    /// Replaced when it was closed (a server restart, a dropped link) and no transaction is open.
    private var connection: PostgresConnection
    let logger: Logger
    /// Held for a statement, and for a whole transaction, so two threads sharing the session
    /// never interleave their statements.
    let lock = NSRecursiveLock()
    /// Open transactions of the thread holding `lock`: a connection lost inside one is an error
    /// (the server rolled it back), never silently replaced.
    private var depth = 0
    /// What settles the statement being waited for, called by the connection's one close
    /// callback (`watchClose`). A callback per statement on `closeFuture` kept every result
    /// alive until the connection closed: 330 MiB for a 1M-row import (`make bench`).
    private let waiting = NIOLockedValueBox<(@Sendable () -> Void)?>(nil)
    /// Where `copy` runs postgres-nio's async `COPY` while the caller waits.
    private let copier = QueueExecutor(label: "reputa.postgres.copy")

    /// Connects, or throws a `StoreError` naming the server (never the password) and why.
    public init(_ location: PostgresLocation, connectTimeout: TimeAmount = .seconds(10)) throws {
        self.location = location
        var logger = Logger(label: "reputa.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.group = group
        do {
            let tls: PostgresConnection.Configuration.TLS
            switch location.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            var configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: tls)
            configuration.options.connectTimeout = connectTimeout
            // The weekly comparison sorts a window's survey answers (50 000 rows of a 200 000-
            // response store, ~5 MiB): at the server's default 4 MB the sort went to disk.
            configuration.options.additionalStartupParameters = [("work_mem", "32MB")]
            self.configuration = configuration
            connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1,
                                                        logger: logger).wait()
            watchClose(connection)
        } catch {
            try? group.syncShutdownGracefully()
            throw StoreError(place: location.description, message: Self.reason(error, location: location))
        }
    }

    deinit {
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ values: [SQLValue] = []) throws -> [PostgresRow] {
        try run(sql, values).rows
    }

    /// Runs one statement; the result carries its rows and how many rows it changed.
    public func run(_ sql: String, _ values: [SQLValue]) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: binds.appendNull()
            case .int(let v): binds.append(v)
            case .double(let v): binds.append(v)
            case .text(let v): binds.append(v)
            }
        }
        return try talking { connection in
            try answer(connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger))
        }
    }

    /// Streams `data`, rows in `COPY`'s text format (`CopyText`), into `table`'s `columns`: one
    /// round trip however many rows, and nothing for the server to parse but the rows.
    public func copy(into table: String, columns: [String], _ data: ByteBuffer) throws {
        try talking { connection in
            let promise = connection.eventLoop.makePromise(of: Void.self)
            let logger = logger
            Task(executorPreference: copier) {
                do {
                    try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                        try await writer.write(data)
                    }
                    promise.succeed()
                } catch {
                    promise.fail(error)
                }
            }
            try answer(promise.futureResult)
        }
    }

    /// Runs `body` on the connection, alone, reopening the connection first when it was closed
    /// outside a transaction; errors become a `StoreError` naming the server.
    private func talking<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            if depth == 0, connection.isClosed {
                connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1,
                                                            logger: logger).wait()
                watchClose(connection)
            }
            return try body(connection)
        } catch {
            throw StoreError(place: location.description, message: Self.reason(error, location: location))
        }
    }

    /// Waits for a statement's answer, or for the connection to close, whichever comes first:
    /// postgres-nio 1.33 left a statement waiting forever when the server went away while it
    /// was being sent (a server restart in the middle of a multi-row insert).
    private func answer<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let promise = future.eventLoop.makePromise(of: T.self)
        let settled = NIOLockedValueBox(false)
        let settle: @Sendable (Result<T, Error>) -> Void = { result in
            guard settled.withLockedValue({ done in defer { done = true }; return !done }) else { return }
            promise.completeWith(result)
        }
        waiting.withLockedValue { $0 = { settle(.failure(ConnectionLost())) } }
        defer { waiting.withLockedValue { $0 = nil } }
        future.whenComplete(settle)
        if connection.isClosed { settle(.failure(ConnectionLost())) } // closed before `waiting` was set
        return try promise.futureResult.wait()
    }

    /// Fails the statement being waited for, if any, when `connection` closes. Registered once
    /// per connection.
    private func watchClose(_ connection: PostgresConnection) {
        connection.closeFuture.whenComplete { [waiting] _ in
            waiting.withLockedValue { $0 }?()
        }
    }

    struct ConnectionLost: Error {}

    /// Runs `body` inside one transaction: committed when it returns, rolled back when it throws
    /// (or when the connection drops, which the server does by itself).
    public func transaction<T>(readOnly: Bool = false, _ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try query(readOnly ? "BEGIN READ ONLY" : "BEGIN")
        depth += 1
        defer { depth -= 1 }
        do {
            let result = try body()
            try query("COMMIT")
            return result
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// The server's own words where it gave some (`password authentication failed for user
    /// "reputa"`), else what kept the connection from being made. postgres-nio's own
    /// descriptions are generic on purpose; this says no more than the server did, and a
    /// password never reaches the server's messages.
    static func reason(_ error: Error, location: PostgresLocation) -> String {
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo {
                let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                let detail = info[.detail].map { ": \($0)" } ?? ""
                return (info[.message] ?? "server error") + detail + state
            }
            switch psql.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown, .connectionClosed:
                let cause = psql.underlying.map { " (\($0))" } ?? ""
                return "cannot reach the server at \(location.host):\(location.port)\(cause)"
            case .sslUnsupported:
                return "the server does not offer TLS and the URL says sslmode=require"
            case .authMechanismRequiresPassword:
                return "the server asks for a password and none was given (URL, PGPASSWORD or .pgpass)"
            default:
                return "\(psql.code)" + (psql.underlying.map { ": \($0)" } ?? "")
            }
        }
        if error is ConnectionLost {
            return "the connection to \(location.host):\(location.port) was lost (server restarted or unreachable); the transaction was rolled back"
        }
        if let store = error as? StoreError { return store.message }
        return "\(error)"
    }
}
