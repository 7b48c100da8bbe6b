/// Review HTML (RSS descriptions, Atom `type="html"` content) turned into plain text at
/// import, so no portal markup ever reaches a report: `<script>`/`<style>` are dropped with
/// their content, block tags (`br`, `p`, `div`, `li`, `tr`, `h1`–`h6`) become line breaks,
/// every other tag disappears, entities are decoded, and whitespace is tidied (runs collapse
/// to one space within a line, at most one blank line between paragraphs).
public enum HTMLText {
    static let blockTags: Set<String> = ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"]
    /// Closing tags that also end a line.
    static let blockEnds: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6"]

    public static func plain(_ html: String) -> String {
        var out = ""
        var s = Substring(html)
        while let lt = s.firstIndex(of: "<") {
            out += decodeEntities(s[..<lt])
            let rest = s[s.index(after: lt)...]
            if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { s = ""; break }
                s = rest[end.upperBound...]
                continue
            }
            let closing = rest.hasPrefix("/")
            let nameStart = closing ? rest.index(after: rest.startIndex) : rest.startIndex
            let nameEnd = rest[nameStart...].firstIndex { !($0.isLetter || $0.isNumber) } ?? rest.endIndex
            let name = rest[nameStart..<nameEnd].lowercased()
            guard !name.isEmpty || rest.hasPrefix("!") || rest.hasPrefix("?") else {
                out += "<" // a bare "<" in text, as in "<3"
                s = rest
                continue
            }
            let tagEnd = endOfTag(rest)
            s = tagEnd.map { rest[rest.index(after: $0)...] } ?? ""
            if !closing, name == "script" || name == "style" {
                // Everything up to the matching close tag is code, never text.
                if let close = s.range(of: "</\(name)", options: .caseInsensitive) {
                    let after = s[close.upperBound...]
                    s = after.firstIndex(of: ">").map { after[after.index(after: $0)...] } ?? ""
                } else {
                    s = ""
                }
                continue
            }
            if closing ? blockEnds.contains(name) : blockTags.contains(name) { out += "\n" }
        }
        out += decodeEntities(s)
        return tidy(out)
    }

    /// Index of the `>` closing a tag that starts at `s`, skipping quoted attribute values.
    static func endOfTag(_ s: Substring) -> Substring.Index? {
        var quote: Character? = nil
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" { return i }
            i = s.index(after: i)
        }
        return nil
    }

    /// `&eacute;`, `&#233;`, `&#xE9;` → é; unknown names stay as written.
    public static func decodeEntities<S: StringProtocol>(_ text: S) -> String {
        var text = String(text)
        return text.withUTF8 { decodeEntities(bytes: $0) }
    }

    /// The same on UTF-8 bytes. Written on bytes because the Character-by-Character version
    /// (Foundation's `contains`, `firstIndex(of:)`) was 4 % of an App Store feed parse: every
    /// entry's `link href` holds `&#38;` (perf, `make bench`, issue 3).
    static func decodeEntities(bytes b: UnsafeBufferPointer<UInt8>) -> String {
        guard b.contains(0x26) else { return String(decoding: b, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            guard b[i] == 0x26 else { out.append(b[i]); i += 1; continue }
            var semi = i + 1
            let limit = Swift.min(b.count, i + 41)
            while semi < limit && b[semi] != 0x3B { semi += 1 }
            if semi < limit, let decoded = entity(UnsafeBufferPointer(rebasing: b[(i + 1)..<semi])) {
                out.append(contentsOf: decoded.utf8)
                i = semi + 1
            } else {
                out.append(0x26)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of one reference without `&` and `;`: `#233`, `#xE9` or a name.
    static func entity(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = name.first else { return nil }
        guard first == 0x23 else { return HTMLEntityTable.byName[String(decoding: name, as: UTF8.self)] }
        var digits = name.dropFirst()
        var radix: UInt32 = 10
        if let x = digits.first, x | 0x20 == 0x78 { radix = 16; digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value: UInt32 = 0
        for d in digits {
            let v: UInt32
            switch d {
            case 0x30...0x39: v = UInt32(d - 0x30)
            case 0x61...0x66 where radix == 16: v = UInt32(d - 0x61 + 10)
            case 0x41...0x46 where radix == 16: v = UInt32(d - 0x41 + 10)
            default: return nil
            }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (a, o2) = m.addingReportingOverflow(v)
            if o1 || o2 { return nil }
            value = a
        }
        return scalar(value)
    }

    static func scalar(_ v: UInt32) -> String? {
        // NUL, surrogates and out-of-range values become U+FFFD, as HTML parsers do.
        guard v != 0, let s = Unicode.Scalar(v) else { return "\u{FFFD}" }
        return String(Character(s))
    }

    /// Collapses whitespace within lines, trims lines, keeps at most one blank line.
    static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var pendingSpace = false
            for ch in raw {
                if ch == " " || ch == "\t" || ch == "\r" || ch == "\u{A0}" || ch == "\u{0C}" {
                    pendingSpace = !line.isEmpty
                } else {
                    if pendingSpace { line.append(" ") }
                    pendingSpace = false
                    line.append(ch)
                }
            }
            lines.append(line)
        }
        var out: [String] = []
        var blanks = 0
        for line in lines {
            if line.isEmpty {
                blanks += 1
                continue
            }
            if !out.isEmpty { out.append(blanks > 0 ? "\n\n" : "\n") }
            out.append(line)
            blanks = 0
        }
        return out.joined()
    }
}
