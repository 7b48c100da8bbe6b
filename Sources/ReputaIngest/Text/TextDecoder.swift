/// Turns a payload's bytes into UTF-8 bytes: honours a UTF-8 or UTF-16 byte-order mark
/// (Google Play exports are UTF-16LE with BOM) and rejects bytes that are not valid UTF-8,
/// naming the line and column of the first bad byte.
public enum TextDecoder {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidUTF8(line: Int, column: Int)
        case invalidUTF16

        public var description: String {
            switch self {
            case let .invalidUTF8(line, column): "\(line):\(column): not valid UTF-8 (no BOM says otherwise)"
            case .invalidUTF16: "UTF-16 byte-order mark, but the bytes are not valid UTF-16"
            }
        }
    }

    public static func utf8Bytes(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            try validate(body)
            return body
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(bytes.dropFirst(2), littleEndian: false) }
        try validate(bytes)
        return bytes
    }

    static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool) throws(Failure) -> [UInt8] {
        guard body.count % 2 == 0 else { throw .invalidUTF16 }
        var units = [UInt16]()
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            i += 2
        }
        var out = [UInt8]()
        out.reserveCapacity(units.count + units.count / 2)
        let hadError = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self,
                                 stoppingOnError: true) { out.append($0) }
        if hadError { throw .invalidUTF16 }
        return out
    }

    /// Finds the first byte sequence that is not UTF-8 and reports its 1-based line and column.
    static func validate(_ bytes: [UInt8]) throws(Failure) {
        if String(validating: bytes, as: UTF8.self) != nil { return }
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let len = sequenceLength(bytes, at: i)
            if len == 0 { throw .invalidUTF8(line: line, column: column) }
            if bytes[i] == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += len
        }
    }

    /// Length of the well-formed UTF-8 sequence starting at `i`, 0 when ill-formed.
    static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let need: Int
        switch b[i] {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: need = 1
        case 0xE0...0xEF: need = 2
        case 0xF0...0xF4: need = 3
        default: return 0
        }
        guard i + need < b.count, String(validating: b[i...(i + need)], as: UTF8.self) != nil else { return 0 }
        return need + 1
    }
}
