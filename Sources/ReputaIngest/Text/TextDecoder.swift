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
        let stream = UTF8Stream(ByteInput(bytes: bytes))
        var out: [UInt8] = []
        do {
            while try stream.append(to: &out) {}
        } catch let failure as Failure {
            throw failure
        } catch {
            preconditionFailure("memory input cannot fail to read: \(error)")
        }
        return out
    }

    static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool) throws(Failure) -> [UInt8] {
        var decoder = UTF16Transcoder(littleEndian: littleEndian)
        var out: [UInt8] = []
        try decoder.append(body, to: &out, final: true)
        return out
    }
}

/// Valid UTF-8 from a `ByteInput`, piece by piece: the byte-order mark decides UTF-8 or
/// UTF-16 (LE/BE); without one the bytes must be UTF-8. A sequence cut by a piece boundary
/// is carried over to the next piece.
public final class UTF8Stream {
    enum Mode { case undecided, utf8, utf16(UTF16Transcoder) }

    let input: ByteInput
    var mode = Mode.undecided
    /// Bytes of an incomplete sequence at the end of the last piece.
    var carry: [UInt8] = []
    /// Lines before the current piece, and scalars after the last line feed, for messages.
    var linesBefore = 0
    var columnBefore = 0
    /// Bad bytes found after a valid start of the same piece: the start is handed out first and
    /// the failure on the next call, so the reader meets errors in file order whatever the piece
    /// size (a header problem on line 1 before an encoding problem on line 3).
    var pending: TextDecoder.Failure?

    public init(_ input: ByteInput) {
        self.input = input
    }

    /// Appends the next decoded piece to `out`; returns false at the end of the input.
    /// Throws `TextDecoder.Failure` for bad bytes and `InputError` when the input cannot be read.
    public func append(to out: inout [UInt8]) throws -> Bool {
        if let pending {
            self.pending = nil
            throw pending
        }
        guard var piece = try input.next() else {
            if case .undecided = mode, !carry.isEmpty {
                // A payload shorter than any byte-order mark: plain UTF-8.
                mode = .utf8
                let head = carry[...]
                carry.removeAll()
                let valid = Self.validPrefix(head)
                guard valid.complete else { throw failure(in: head, at: valid.length) }
                out.append(contentsOf: head)
                count(head)
                return true
            }
            switch mode {
            case .utf8, .undecided:
                if !carry.isEmpty { throw failure(in: carry[...], at: 0) }
            case var .utf16(decoder):
                try decoder.append([], to: &out, final: true)
            }
            return false
        }
        if case .undecided = mode {
            // The byte-order mark may be cut by a piece boundary: decide on three bytes.
            if !carry.isEmpty {
                piece = (carry + piece)[...]
                carry.removeAll()
            }
            if piece.count < 3 {
                carry = Array(piece)
                return true
            }
        }
        var bytes = piece
        if case .undecided = mode {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes = bytes.dropFirst(3)
                mode = .utf8
            } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                mode = .utf16(UTF16Transcoder(littleEndian: bytes.first == 0xFF))
                bytes = bytes.dropFirst(2)
            } else {
                mode = .utf8
            }
        }
        if case var .utf16(decoder) = mode {
            let before = out.count
            do {
                try decoder.append(bytes, to: &out, final: false)
            } catch {
                // The units before the bad one are out already: hand them over first (file order).
                guard out.count > before else { throw error }
                pending = error
            }
            mode = .utf16(decoder)
            return true
        }
        if !carry.isEmpty {
            bytes = (carry + bytes)[...]
            carry.removeAll()
        }
        let valid = Self.validPrefix(bytes)
        let end = bytes.startIndex + valid.length
        if !valid.complete {
            // Ill-formed, unless it is only a sequence the next piece completes.
            guard bytes.endIndex - end < 4, Self.isTruncatedSequence(bytes[end...]) else {
                let bad = failure(in: bytes, at: end) // counts the valid start
                if end == bytes.startIndex { throw bad }
                out.append(contentsOf: bytes[..<end])
                pending = bad
                return true
            }
            carry = Array(bytes[end...])
        }
        out.append(contentsOf: bytes[..<end])
        count(bytes[..<end])
        return true
    }

    /// Keeps line and column counts for the error message of a later piece.
    func count(_ bytes: ArraySlice<UInt8>) {
        var lastLF: Int? = nil
        var lines = 0
        bytes.withUnsafeBufferPointer { p in
            for i in 0..<p.count where p[i] == 0x0A {
                lines += 1
                lastLF = i
            }
        }
        linesBefore += lines
        let tail = lastLF.map { bytes[(bytes.startIndex + $0 + 1)...] } ?? bytes
        let scalars = tail.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        columnBefore = lastLF == nil ? columnBefore + scalars : scalars
    }

    func failure(in bytes: ArraySlice<UInt8>, at index: Int) -> TextDecoder.Failure {
        let before = bytes[..<index]
        count(before)
        return .invalidUTF8(line: linesBefore + 1, column: columnBefore + 1)
    }

    /// Length of the longest well-formed prefix, and whether that is the whole slice.
    /// ASCII is checked eight bytes at a time: this runs over every byte of every CSV import.
    static func validPrefix(_ bytes: ArraySlice<UInt8>) -> (length: Int, complete: Bool) {
        bytes.withUnsafeBufferPointer { p -> (Int, Bool) in
            let n = p.count
            var i = 0
            let raw = UnsafeRawBufferPointer(p)
            while i < n {
                if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                let need: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; low = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: need = 2
                case 0xED: need = 2; high = 0x9F
                case 0xF0: need = 3; low = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; high = 0x8F
                default: return (i, false)
                }
                guard i + need < n else { return (i, false) }
                guard p[i + 1] >= low, p[i + 1] <= high else { return (i, false) }
                if need >= 2 { guard p[i + 2] & 0xC0 == 0x80 else { return (i, false) } }
                if need == 3 { guard p[i + 3] & 0xC0 == 0x80 else { return (i, false) } }
                i += need + 1
            }
            return (n, true)
        }
    }

    /// True when `tail` is the start of a well-formed sequence that runs past the piece.
    static func isTruncatedSequence(_ tail: ArraySlice<UInt8>) -> Bool {
        guard let lead = tail.first else { return false }
        let need: Int
        switch lead {
        case 0xC2...0xDF: need = 1
        case 0xE0...0xEF: need = 2
        case 0xF0...0xF4: need = 3
        default: return false
        }
        return tail.count <= need && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }
}

/// UTF-16 (after its BOM) to UTF-8, piece by piece: an odd byte or a high surrogate at the
/// end of a piece waits for the next one.
struct UTF16Transcoder {
    let littleEndian: Bool
    var pending: [UInt8] = []

    init(littleEndian: Bool) { self.littleEndian = littleEndian }

    mutating func append(_ piece: ArraySlice<UInt8>, to out: inout [UInt8], final: Bool) throws(TextDecoder.Failure) {
        var bytes = piece
        if !pending.isEmpty {
            bytes = (pending + piece)[...]
            pending.removeAll()
        }
        var usable = bytes.count - bytes.count % 2
        if !final, usable >= 2 {
            let i = bytes.startIndex + usable - 2
            let last = littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            if (0xD800...0xDBFF).contains(last) { usable -= 2 } // its low surrogate is in the next piece
        }
        if final, usable != bytes.count { throw .invalidUTF16 }
        pending = Array(bytes[(bytes.startIndex + usable)...])
        out.reserveCapacity(out.count + usable + usable / 2)
        var failed = false
        bytes[bytes.startIndex..<(bytes.startIndex + usable)].withUnsafeBufferPointer { p in
            var i = 0
            while i + 1 < p.count {
                var unit = littleEndian ? UInt32(p[i]) | UInt32(p[i + 1]) << 8 : UInt32(p[i]) << 8 | UInt32(p[i + 1])
                i += 2
                if unit < 0x80 { out.append(UInt8(unit)); continue }
                if (0xD800...0xDBFF).contains(unit) {
                    guard i + 1 < p.count else { failed = true; return }
                    let low = littleEndian ? UInt32(p[i]) | UInt32(p[i + 1]) << 8 : UInt32(p[i]) << 8 | UInt32(p[i + 1])
                    guard (0xDC00...0xDFFF).contains(low) else { failed = true; return }
                    i += 2
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(unit) {
                    failed = true
                    return
                }
                if unit < 0x800 {
                    out.append(UInt8(0xC0 | unit >> 6)); out.append(UInt8(0x80 | unit & 0x3F))
                } else if unit < 0x10000 {
                    out.append(UInt8(0xE0 | unit >> 12)); out.append(UInt8(0x80 | (unit >> 6) & 0x3F))
                    out.append(UInt8(0x80 | unit & 0x3F))
                } else {
                    out.append(UInt8(0xF0 | unit >> 18)); out.append(UInt8(0x80 | (unit >> 12) & 0x3F))
                    out.append(UInt8(0x80 | (unit >> 6) & 0x3F)); out.append(UInt8(0x80 | unit & 0x3F))
                }
            }
        }
        if failed { throw .invalidUTF16 }
    }
}
