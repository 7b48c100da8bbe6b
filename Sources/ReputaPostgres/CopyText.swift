import NIOCore
import ReputaStore

/// Rows in the text format of PostgreSQL's `COPY … FROM STDIN`
/// (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format"): one line per row,
/// columns separated by a tab, NULL written `\N`, and in text a backslash, tab, newline or
/// carriage return written as a backslash sequence, so any review text crosses unchanged.
struct CopyText {
    private(set) var buffer = ByteBuffer()
    private var first = true

    /// Appends one column of the current row.
    mutating func append(_ value: SQLValue) {
        if !first { buffer.writeInteger(UInt8(ascii: "\t")) }
        first = false
        switch value {
        case .null: buffer.writeStaticString("\\N")
        case .int(let v): buffer.writeString(String(v))
        // Swift prints the shortest text that reads back as the same double; PostgreSQL reads
        // it (and `inf`, `nan`) as the same float8.
        case .double(let v): buffer.writeString(v.description)
        case .text(let v): appendEscaped(v)
        }
    }

    /// Ends the current row.
    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        first = true
    }

    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let escaped: UInt8
                switch byte {
                case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
                default: continue
                }
                buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start ..< index])))
                buffer.writeBytes([UInt8(ascii: "\\"), escaped])
                start = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
        }
    }
}
