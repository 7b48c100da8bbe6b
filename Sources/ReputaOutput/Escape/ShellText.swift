/// A word for a POSIX shell command line a user copies: left bare when it holds only characters
/// no shell treats specially, else in single quotes (a quote inside as `'\''`).
public enum ShellText {
    public static func word(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { s in
            (s.value >= 0x30 && s.value <= 0x39) || (s.value | 0x20 >= 0x61 && s.value | 0x20 <= 0x7A) || "._-/=,:@+%".unicodeScalars.contains(s)
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `reputa` and its arguments as one line to paste.
    public static func command(_ words: [String]) -> String { words.map(word).joined(separator: " ") }
}
