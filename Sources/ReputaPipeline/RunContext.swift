import Foundation
import Logging
import ReputaConfig
import ReputaCore
import ReputaStore

/// Where the pipeline's notes go: the CLI prints them on stderr, a server would log them.
public protocol PipelineLog: Sendable {
    /// One line a person reads (`reputa: ops: 2 alerts held: quiet hours …`).
    func note(_ line: String)
    /// A transient progress line (`[3/12] aurora-play…`) while long work runs.
    func progress(_ text: String)
    func endProgress()
}

/// A log that keeps nothing: tests and callers that only want the outcome values.
public struct SilentLog: PipelineLog {
    public init() {}
    public func note(_ line: String) {}
    public func progress(_ text: String) {}
    public func endProgress() {}
}

/// What every pipeline step runs with: the configuration, the store, where raw payloads are
/// kept, the clock, and where notes, progress and per-payload logs go. A front end (the CLI, a
/// web server, a test) makes one and calls the steps; nothing here knows a command line.
public struct RunContext: Sendable {
    public var config: Configuration
    public var store: any SQLStore
    public var archive: SnapshotArchive
    public var log: any PipelineLog
    /// Per-payload and per-row messages (`--verbose` shows the info level).
    public var logger: Logger
    /// A second connection to the same store, for work beside a long import (lease renewals).
    public var openStore: @Sendable () throws -> any SQLStore
    /// The time of flags and alerts (`Clock.now`: `$REPUTA_NOW` or the system clock).
    public var clock: @Sendable () -> Timestamp

    public init(config: Configuration, store: any SQLStore, archive: SnapshotArchive, log: any PipelineLog = SilentLog(),
                logger: Logger = Logger(label: "reputa"), openStore: @escaping @Sendable () throws -> any SQLStore,
                clock: @escaping @Sendable () -> Timestamp = Clock.now) {
        self.config = config
        self.store = store
        self.archive = archive
        self.log = log
        self.logger = logger
        self.openStore = openStore
        self.clock = clock
    }

    /// The context with another store in it (a rehearsal's).
    func with(store: any SQLStore) -> RunContext {
        var copy = self
        copy.store = store
        return copy
    }
}

/// A request the pipeline cannot carry out as asked: an unknown source, a week that is not one.
public struct UsageError: ReputaError {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var stage: String { "usage" }
    public var exitCode: ExitStatus { .usage }
    public var description: String { message }
}
