/// CSV cells for files opened in Excel (OWASP "CSV Injection", ASVS 5 §1.2.10): every text cell
/// is quoted with inner quotes doubled, and a text cell starting with `= + - @`, tab, CR, LF or
/// NUL gets a leading `'` so it is never read as a formula. Numbers we computed are written bare,
/// so -0.4 stays a number.
public enum CSVCell {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\n", "\0"]

    public static func text(_ value: String) -> String {
        var v = value
        if let first = v.first, triggers.contains(first) { v = "'" + v }
        guard v.utf8.contains(0x22) else { return "\"" + v + "\"" }
        return "\"" + v.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
