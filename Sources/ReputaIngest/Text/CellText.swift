/// Per-cell text clean-up on the import hot path, in pure Swift over UTF-8 bytes: Foundation's
/// `trimmingCharacters` / `replacingOccurrences` bridge through NSString and took most of a
/// CSV import's time (perf, 20k rows: `make bench` before/after in the closing note of issue 2).
enum CellText {
    /// Trims Unicode white space and line breaks at both ends; CRLF and lone CR become LF.
    /// A cell that needs neither is returned as it is, without a copy.
    static func clean(_ s: String) -> String {
        var s = s
        return s.withUTF8 { p -> String? in
            let n = p.count
            var start = 0, end = n
            // Leading white space: ASCII directly, anything else through its scalar's property.
            while start < end {
                let b = p[start]
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) { start += 1; continue }
                if b < 0x80 { break }
                let (scalar, length) = decode(p, at: start)
                guard scalar.properties.isWhitespace else { break }
                start += length
            }
            while end > start {
                let b = p[end - 1]
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) { end -= 1; continue }
                if b < 0x80 { break }
                var lead = end - 1
                while lead > start, p[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard decode(p, at: lead).0.properties.isWhitespace else { break }
                end = lead
            }
            var hasCR = false
            for i in start..<end where p[i] == 0x0D { hasCR = true; break }
            if start == 0, end == n, !hasCR { return nil }
            if !hasCR { return String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(end - start)
            var i = start
            while i < end {
                if p[i] == 0x0D {
                    out.append(0x0A)
                    if i + 1 < end, p[i + 1] == 0x0A { i += 1 }
                } else {
                    out.append(p[i])
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }

    /// The scalar starting at `i` of valid UTF-8, and its length in bytes.
    static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        var iterator = p[i...].makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) {
            return (scalar, scalar.utf8.count)
        }
        return ("\u{FFFD}", 1)
    }
}
