/// Text made safe for a terminal: C0/C1 control characters (ESC sequences included) and bidi
/// overrides (U+202A–U+202E, U+2066–U+2069) are removed so a review cannot drive the screen;
/// tabs and newlines become spaces so one review stays one line.
public enum TerminalText {
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
