import Foundation
import Synchronization
import ReputaPostgres

/// A real PostgreSQL server for this test process: started once on a free 127.0.0.1 port in
/// a folder of its own by scripts/pg-test-server.sh, stopped when the process exits. Each test
/// takes a database of its own (`freshDatabase`), so tests run side by side.
public final class TestPostgres: @unchecked Sendable {
    public static let password = "pw:with@odd/chars"
    public let port: Int
    let folder: String

    /// The server, or the reason it could not be started (a test then fails with it).
    public static let shared: Result<TestPostgres, TestPostgresFailure> = Result { try TestPostgres() }
        .mapError { TestPostgresFailure(message: "\($0)") }

    public static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/pg-test-server.sh").path
    }

    private init() throws {
        port = try Self.freePort()
        folder = "/tmp/reputa-pg-test-\(getpid())-\(port)"
        try Self.run([Self.script, "start", folder, String(port), Self.password])
        Self.stopAtExit.withLock { $0.append(folder) }
        Self.registerExit
    }

    /// A server of the caller's own, for a test that restarts it (`restart`); stopped with `stop`
    /// or when the process exits.
    public static func dedicated() throws -> TestPostgres { try TestPostgres() }

    /// Stops the server (open connections are cut) and starts it again on the same port.
    public func restart() throws { try Self.run([Self.script, "restart", folder]) }

    public func stop() {
        try? Self.run([Self.script, "stop", folder])
        Self.stopAtExit.withLock { $0.removeAll { $0 == folder } }
    }

    private static let stopAtExit = Mutex<[String]>([])
    private static let registerExit: Void = {
        atexit { for folder in TestPostgres.stopAtExit.withLock({ $0 }) { try? TestPostgres.run([TestPostgres.script, "stop", folder]) } }
    }()

    /// The location of a new, empty database (named after the test), owned by the superuser.
    /// A new, empty database; `options` are `CREATE DATABASE`'s (a locale, say).
    public func freshDatabase(_ name: String = #function, options: String = "") throws -> PostgresLocation {
        let database = "t_" + String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(40))
            + "_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresSession(location(database: "reputa_test"))
        try admin.query("CREATE DATABASE \(database) \(options)")
        return location(database: database)
    }

    public func location(database: String, password: String? = TestPostgres.password) -> PostgresLocation {
        PostgresLocation(host: "127.0.0.1", port: port, user: "reputa", database: database, password: password,
                         tls: .disable)
    }

    public var url: String { "postgres://reputa@127.0.0.1:\(port)" }

    /// Runs bash with `arguments` and waits (posix_spawn and waitpid: Foundation's `Process`
    /// never saw the script end when started from this lazy static); its errors are kept in a
    /// file for the failure message.
    public static func run(_ arguments: [String]) throws {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString).err").path
        defer { try? FileManager.default.removeItem(atPath: errors) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = (["/bin/bash"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/bash", &actions, nil, argv, environ) == 0 else {
            throw TestPostgresFailure(message: "cannot start bash")
        }
        var status: Int32 = 0
        var waited = waitpid(pid, &status, 0)
        while waited < 0 && errno == EINTR { waited = waitpid(pid, &status, 0) }
        guard waited == pid, status == 0 else {
            let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw TestPostgresFailure(message: "\(arguments.joined(separator: " ")) failed: \(said)")
        }
    }

    /// A port nothing listens on now: bound to 0, read, closed.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw TestPostgresFailure(message: "no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

public struct TestPostgresFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
