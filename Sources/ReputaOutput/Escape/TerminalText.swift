/// Text made safe for a terminal: C0/C1 control characters (ESC sequences included) and bidi
/// overrides (U+202A–U+202E, U+2066–U+2069) are removed so a review cannot drive the screen;
/// tabs and newlines become spaces so one review stays one line.
public enum TerminalText {
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            default: if !isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// A line for stderr or a log, where what was there must still be seen: control characters
    /// (ESC, BEL, CR, backspace, C1) and bidi controls written as visible escapes (`\x1b`,
    /// `\u{202e}`), a backslash left as it is. Newlines are escaped too unless `keepNewlines` (a
    /// message that is several lines on purpose); tabs stay.
    public static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n", keepNewlines { out.append(scalar); continue }
            guard needsEscape(scalar) else { out.append(scalar); continue }
            let hex = String(scalar.value, radix: 16)
            let shown = scalar.value <= 0xFF ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{\(hex)}"
            out.append(contentsOf: shown.unicodeScalars)
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool { scalar != "\t" && isControl(scalar) }

    /// What a terminal must never receive as is: C0 and C1 control characters (ESC sequences
    /// included) and the bidi controls that reorder a line.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: return true
        default: return false
        }
    }
}
