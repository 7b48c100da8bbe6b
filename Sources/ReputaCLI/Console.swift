import Foundation
import Logging
import ReputaOutput

/// stdout for data, stderr for logs and progress; colour only on a terminal without NO_COLOR.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One error line on stderr; its `reputa:` prefix is red on a colour terminal. Control
    /// characters in it (a file name's ESC or BEL) are shown escaped, never sent to the terminal.
    static func err(_ line: String) {
        var text = TerminalText.visible(line, keepNewlines: true)
        if useColor, text.hasPrefix("reputa:") { text = red("reputa:") + text.dropFirst("reputa:".count) }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static var useColor: Bool {
        stderrIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// A transient progress line on a terminal; nothing when stderr is a file or pipe.
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(TerminalText.visible(text))".utf8))
    }

    static func endProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    static func red(_ s: String) -> String { useColor ? "\u{1B}[31m\(s)\u{1B}[0m" : s }

    static let bootstrap: Void = {
        LoggingSystem.bootstrap { _ in LogLine() }
    }()

    static func logger(verbose: Bool) -> Logger {
        _ = bootstrap
        var logger = Logger(label: "reputa")
        logger.logLevel = verbose ? .info : .warning
        return logger
    }
}
