/// RFC 4180 records from UTF-8 bytes: quoted fields with doubled quotes, newlines inside
/// quotes, CRLF / LF / CR row ends, `,` `;` or tab delimiters. Works on bytes, not
/// `Character`s, because this is the hot path of every export import.
public struct CSVReader {
    public struct Record: Equatable {
        public var fields: [String]
        /// 1-based physical line where the record starts.
        public var line: Int
    }

    public struct Failure: Error, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    let bytes: [UInt8]
    public let delimiter: UInt8
    var index = 0
    var line = 1
    var lineStart = 0

    static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    public init(bytes: [UInt8], delimiter: UInt8? = nil) {
        self.bytes = bytes
        self.delimiter = delimiter ?? Self.detectDelimiter(bytes)
    }

    /// The candidate (`,` `;` tab) seen most often outside quotes on the first line.
    public static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for b in bytes {
            if b == quote { quoted.toggle() }
            if !quoted && (b == lf || b == cr) { break }
            if !quoted, counts[b] != nil { counts[b]! += 1 }
        }
        return [0x2C, 0x3B, 0x09].max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && $0 > $1) } ?? 0x2C
    }

    /// The next record, skipping blank lines; nil at the end.
    public mutating func next() throws(Failure) -> Record? {
        while index < bytes.count, bytes[index] == Self.cr || bytes[index] == Self.lf { newline() }
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        while true {
            if index >= bytes.count {
                fields.append(String(decoding: field, as: UTF8.self))
                return Record(fields: fields, line: startLine)
            }
            let b = bytes[index]
            if b == Self.quote && field.isEmpty {
                try readQuoted(into: &field)
                continue
            }
            if b == delimiter {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                index += 1
                continue
            }
            if b == Self.cr || b == Self.lf {
                fields.append(String(decoding: field, as: UTF8.self))
                newline()
                return Record(fields: fields, line: startLine)
            }
            field.append(b)
            index += 1
        }
    }

    /// Consumes one line break (CRLF, LF or CR) at `index`.
    mutating func newline() {
        if bytes[index] == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf { index += 1 }
        index += 1
        line += 1
        lineStart = index
    }

    mutating func readQuoted(into field: inout [UInt8]) throws(Failure) {
        let openLine = line, openColumn = index - lineStart + 1
        index += 1
        while index < bytes.count {
            let b = bytes[index]
            if b == Self.quote {
                if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                    field.append(Self.quote)
                    index += 2
                    continue
                }
                index += 1
                if index < bytes.count {
                    let after = bytes[index]
                    guard after == delimiter || after == Self.cr || after == Self.lf else {
                        throw Failure(line: line, column: index - lineStart + 1,
                                      message: "unexpected character after closing quote")
                    }
                }
                return
            }
            if b == Self.cr || b == Self.lf {
                field.append(b)
                if b == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf {
                    field.append(Self.lf)
                    index += 1
                }
                index += 1
                line += 1
                lineStart = index
                continue
            }
            field.append(b)
            index += 1
        }
        throw Failure(line: openLine, column: openColumn, message: "quote opened here is never closed")
    }
}
