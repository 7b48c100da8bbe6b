import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How many terminal columns text takes: 2 for East Asian wide and fullwidth characters and for
/// emoji shown as emoji, 0 for combining marks, format characters (joiners) and variation
/// selectors, 1 otherwise; a grapheme (an emoji sequence, a letter with its accents) takes the
/// widest of its parts. The ranges are Unicode's East Asian Width W and F blocks (UAX #11);
/// libc's `wcwidth` would need the process's locale changed, which a library must not do.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        // A text-style symbol asked to show as emoji (❤️, ✔️: U+FE0F) or a keycap (1️⃣: U+20E3) is drawn two wide.
        if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x20E3 }) { return 2 }
        return scalars.map(of).max() ?? 0
    }

    static let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                                              0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                                              0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD]

    static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return 0 }
        if s.properties.isEmojiPresentation { return 2 }
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    public static func cut(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = "", used = 0
        for c in text {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// The terminal's width for output when stdout is a terminal (`$COLUMNS` over what the
    /// terminal reports); nil for a pipe or a file, which get tables whole.
    public static var terminalColumns: Int? {
        guard isatty(1) == 1 else { return nil }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
