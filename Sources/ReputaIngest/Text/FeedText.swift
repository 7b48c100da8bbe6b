/// Feed bytes made safe for a strict XML parser, following RFC 3023 and Miniflux's lessons:
/// the encoding comes from the BOM, then the HTTP `charset`, then the XML declaration; bytes
/// that claim UTF-8 but are not are read as Windows-1252; characters XML forbids (C0 controls
/// other than tab, LF, CR) are dropped; HTML entity names a feed uses without declaring them
/// (`&nbsp;`, `&eacute;`) become numeric references. The result is UTF-8, to be parsed with
/// the encoding forced to UTF-8.
import Foundation

public enum FeedText {
    public struct Prepared {
        public var bytes: [UInt8]
        /// The encoding the bytes were read as, for messages.
        public var encoding: String
        /// Non-nil when libxml2 must decode (a charset we do not transcode ourselves).
        public var libxmlEncoding: String?
        /// Said once per payload when the bytes contradict the declared encoding.
        public var warning: String? = nil
    }

    public static func prepare(_ input: [UInt8], httpCharset: String?) -> Prepared {
        var bytes = input
        var encoding: String
        var warning: String? = nil
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            encoding = "utf-8"
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            bytes = (try? TextDecoder.utf16(bytes.dropFirst(2), littleEndian: bytes[0] == 0xFF)) ?? bytes
            encoding = "utf-16"
        } else if let http = httpCharset.map(normalize), !http.isEmpty {
            encoding = http
        } else if let declared = declaredEncoding(bytes).map(normalize) {
            encoding = declared
        } else {
            encoding = "utf-8"
        }
        switch encoding {
        case "utf-8", "utf-16", "us-ascii":
            if !isValidUTF8(bytes) {
                bytes = windows1252(bytes) // mislabelled: the common real-world case
                encoding = "windows-1252 (declared \(encoding))"
            }
        case "iso-8859-1", "windows-1252", "iso-8859-15":
            // Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the label says:
            // Latin-1 text almost never forms valid multi-byte sequences (only oddities like "Ã©"
            // would), while UTF-8 read as Latin-1 turns every "é" into "Ã©".
            if bytes.contains(where: { $0 >= 0x80 }), isValidUTF8(bytes) {
                let declared = encoding
                encoding = "utf-8 (declared \(declared))"
                warning = "declared \(declared) but the bytes are UTF-8; read as UTF-8"
            } else if encoding == "iso-8859-15" {
                bytes = latin9(bytes)
            } else {
                bytes = windows1252(bytes) // WHATWG: the iso-8859-1 label means windows-1252
            }
        default:
            return Prepared(bytes: clean(bytes), encoding: encoding, libxmlEncoding: encoding)
        }
        return Prepared(bytes: clean(declareUTF8(bytes)), encoding: encoding, libxmlEncoding: nil, warning: warning)
    }

    /// The bytes are UTF-8 now; an old declaration naming another encoding would make libxml2
    /// decode them twice, so it is rewritten (on the same line: positions stay right).
    static func declareUTF8(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.starts(with: Array("<?xml".utf8)), let close = bytes.prefix(300).firstRange(of: Array("?>".utf8)) else { return bytes }
        return Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8) + bytes[close.upperBound...]
    }

    static func normalize(_ name: String) -> String {
        let n = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        switch n {
        case "utf8": return "utf-8"
        case "latin1", "latin-1", "iso8859-1", "iso_8859-1", "l1": return "iso-8859-1"
        case "cp1252", "win-1252", "x-cp1252": return "windows-1252"
        case "ascii": return "us-ascii"
        case "latin-9", "latin9", "iso8859-15": return "iso-8859-15"
        default: return n
        }
    }

    /// The `encoding="…"` of an XML declaration at the very start, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard let end = head.range(of: "?>"), let enc = head[..<end.lowerBound].range(of: "encoding") else { return nil }
        let rest = head[enc.upperBound..<end.lowerBound].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Windows-1252's 0x80–0x9F; the rest of the byte range is Latin-1.
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out = String.UnicodeScalarView()
        for b in bytes {
            let v = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            out.append(Unicode.Scalar(v)!)
        }
        return Array(String(out).utf8)
    }

    static func latin9(_ bytes: [UInt8]) -> [UInt8] {
        let changes: [UInt8: UInt32] = [0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E,
                                        0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178]
        var out = String.UnicodeScalarView()
        for b in bytes { out.append(Unicode.Scalar(changes[b] ?? UInt32(b))!) }
        return Array(String(out).utf8)
    }

    /// Drops C0 controls XML 1.0 forbids and turns undeclared HTML entity names into `&#N;`.
    static func clean(_ bytes: [UInt8]) -> [UInt8] {
        let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
        // Names the document declares itself (<!ENTITY name …>) are left to the parser.
        let declaresEntities = bytes.count > 9 && String(decoding: bytes.prefix(65_536), as: UTF8.self).contains("<!ENTITY")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D { i += 1; continue }
            if b == UInt8(ascii: "&"), !declaresEntities {
                var j = i + 1
                while j < bytes.count, j - i <= 32, (bytes[j] >= 0x41 && bytes[j] <= 0x5A) || (bytes[j] >= 0x61 && bytes[j] <= 0x7A)
                        || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: ";"), j > i + 1 {
                    let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                    if !xmlEntities.contains(name), let value = HTMLEntityTable.byName[name] {
                        for scalar in value.unicodeScalars { out += Array("&#\(scalar.value);".utf8) }
                        i = j + 1
                        continue
                    }
                }
            }
            out.append(b)
            i += 1
        }
        return out
    }
}
