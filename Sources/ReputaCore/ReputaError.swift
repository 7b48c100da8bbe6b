/// Every error Reputa reports to a user: one line naming the stage, the source and the place.
public protocol ReputaError: Error, CustomStringConvertible, Sendable {
    /// `fetch`, `parse`, `import`, `store`, `config`, `render`.
    var stage: String { get }
    /// How the process exits when this error ends it.
    var exitCode: ExitStatus { get }
}

/// Documented exit codes (docs/commands.md, `reputa --help`).
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// A runtime failure: nothing useful was done.
    case failure = 1
    /// Some sources failed, the others were processed.
    case partial = 2
    /// `flags --fail-on LEVEL`: flags of that level (or above) are still open.
    case flagsOpen = 3
    /// The report was written to disk but could not be delivered (SMTP refused or timed out).
    case undelivered = 4
    /// Bad command line or configuration (sysexits EX_USAGE).
    case usage = 64
}
