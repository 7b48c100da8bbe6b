import Foundation
import Logging
import ReputaOutput

/// Log lines on stderr as `reputa: warning: …`: one line each, no timestamp noise, so a
/// warning reads like the errors around it.
struct LogLine: LogHandler {
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let text = TerminalText.visible("\(event.message)".replacingOccurrences(of: "\n", with: " "))
        FileHandle.standardError.write(Data("reputa: \(event.level): \(text)\n".utf8))
    }
}
