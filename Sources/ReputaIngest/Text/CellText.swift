/// Per-cell text clean-up on the import hot path, in pure Swift: Foundation's
/// `trimmingCharacters` / `replacingOccurrences` bridge through NSString and took most of a
/// CSV import's time (perf, 20k rows: `make bench` before/after in the closing note of issue 2).
enum CellText {
    /// Trims Unicode white space and line breaks at both ends; CRLF and lone CR become LF.
    static func clean(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        let core = scalars[first...last]
        if !core.contains("\r") {
            return first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) ? s : String(core)
        }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in core {
            if scalar == "\r" {
                out.append("\n")
                previousCR = true
                continue
            }
            if !(scalar == "\n" && previousCR) { out.append(scalar) }
            previousCR = false
        }
        return String(out)
    }
}
