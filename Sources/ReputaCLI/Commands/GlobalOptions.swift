import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaIngest
import ReputaOutput
import ReputaPostgres
import ReputaStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (default: $REPUTA_CONFIG, else ./sources.yml).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "Store to use instead of the config's (or $REPUTA_STORE): a SQLite file, or postgres://user@host:port/db (password from $PGPASSWORD or ~/.pgpass).",
        valueName: "path|url"))
    var store: String?

    @Flag(name: .shortAndLong, help: "Log each payload and skipped row to stderr.")
    var verbose = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var configPath: String { config ?? environment["REPUTA_CONFIG"] ?? Configuration.defaultFile }

    func loadConfig() throws -> Configuration { try ConfigLoader.load(file: configPath) }

    /// The config when one was named or the default file exists; commands that work on files
    /// alone (`import`, `inspect`) run without one.
    func optionalConfig() throws -> Configuration? {
        if config == nil, environment["REPUTA_CONFIG"] == nil, !FileManager.default.fileExists(atPath: configPath) {
            return nil
        }
        return try loadConfig()
    }

    func storePath(_ configuration: Configuration?) -> String {
        store ?? environment["REPUTA_STORE"] ?? configuration?.store ?? "var/reputa.sqlite"
    }

    /// The store named by `--store`, `$REPUTA_STORE` or the config: a PostgreSQL server for a
    /// `postgres://` URL, else a SQLite file.
    /// - Parameter create: true for the commands that bring data in (`fetch`, `import`, `run`,
    ///   `watch`); the others refuse a SQLite path with nothing there, so a mistyped `--store`
    ///   never leaves an empty store behind and answers "no data".
    func openStore(_ configuration: Configuration?, create: Bool = false) throws -> any SQLStore {
        try openStore(named: storePath(configuration), create: create)
    }

    /// A store by its name: a `postgres://` URL, else a SQLite file path.
    func openStore(named path: String, create: Bool = false) throws -> any SQLStore {
        if PostgresLocation.isURL(path) {
            return try PostgresStore(PostgresLocation(url: path, environment: environment))
        }
        if path.contains("://") {
            throw StoreError(place: URLRedaction.redact(path),
                             message: "not a store: use a SQLite file path or a postgres:// URL")
        }
        return try SQLiteStore(path: path, create: create)
    }

    func archive(_ configuration: Configuration?) -> SnapshotArchive {
        SnapshotArchive(root: URL(fileURLWithPath: configuration?.snapshots ?? "snapshots", isDirectory: true))
    }

    /// What the pipeline runs with: this config and its store, notes on stderr, `--verbose`'s logs.
    func context(_ config: Configuration, store: (any SQLStore)? = nil, create: Bool = false) throws -> RunContext {
        let path = storePath(config)
        let options = self
        return RunContext(config: config, store: try store ?? openStore(named: path, create: create), archive: archive(config), log: ConsoleLog(),
                          logger: Console.logger(verbose: verbose), openStore: { try options.openStore(named: path) })
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Runs a command body; a `ReputaError` becomes one line on stderr and its documented exit code.
func guarded(_ body: () throws -> ExitStatus) throws {
    let status: ExitStatus
    do {
        status = try body()
    } catch let error as any ReputaError {
        throw exit(reporting: error)
    }
    if status != .ok { throw ExitCode(status.rawValue) }
}

/// `guarded` for an async command body (`reputa watch`).
func guardedAsync(_ body: () async throws -> ExitStatus) async throws {
    let status: ExitStatus
    do {
        status = try await body()
    } catch let error as any ReputaError {
        throw exit(reporting: error)
    }
    if status != .ok { throw ExitCode(status.rawValue) }
}

private func exit(reporting error: any ReputaError) -> ExitCode {
    Console.endProgress()
    Console.err("reputa: \(error)")
    return ExitCode(error.exitCode.rawValue)
}

/// Parses `2026-08-01` or a full ISO timestamp into a UTC bound.
func dateBound(_ text: String?, zone: String, option: String) throws -> String? {
    guard let text else { return nil }
    guard let t = DateText.parse(text, zone: TimeZone(identifier: zone) ?? .gmt) else {
        throw ValidationError("\(option) \"\(text)\" is not a date (use YYYY-MM-DD)")
    }
    return t.utcISO
}
