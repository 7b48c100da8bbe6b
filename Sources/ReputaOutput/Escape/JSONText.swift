/// A JSON string literal: quotes, backslashes and control characters escaped, plus U+2028/2029
/// and `<` (`\u003c`) so the same text is safe inside an HTML `<script>` or a JS parser.
public enum JSONText {
    public static func quoted(_ s: String) -> String {
        // Byte-level: every character that needs escaping is ASCII, so UTF-8 sequences pass
        // through untouched, except U+2028/2029 (E2 80 A8/A9).
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 2)
        let bytes = Array(s.utf8)
        let hex = Array("0123456789abcdef".utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x3C: out += Array("\\u003c".utf8)
            case 0x00...0x1F: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
