import Foundation
import ReputaConfig
import ReputaCore

/// The report could not be written or encoded: names the file and the cause (`report: PATH: …`).
public struct ReportError: ReputaError {
    public var place: String
    public var message: String

    public init(place: String, message: String) {
        self.place = place
        self.message = message
    }

    public var stage: String { "report" }
    public var exitCode: ExitStatus { .failure }
    public var description: String { "report: \(place): \(message)" }

    /// The operating system's words for a failed write ("No space left on device"), not Foundation's
    /// generic "The file couldn't be saved".
    static func reason(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
