#if canImport(Glibc)
import Glibc
#endif

/// A payload read piece by piece: a file in 1 MiB reads (so its size never decides memory
/// use), or bytes already in memory (an HTTP body, a test fixture) handed out whole.
/// Not shared: one thread reads it at a time (it may be handed to a parser thread whole).
public final class ByteInput: @unchecked Sendable {
    public static let chunkSize = 1 << 20

    enum Backing {
        case memory([UInt8], offset: Int)
        case file(fd: Int32)
    }

    var backing: Backing
    /// The file path or URL, for messages.
    public let origin: String
    var buffer: [UInt8] = []
    var finished = false

    /// Sees every piece as it is read, before the reader does (the snapshot being written
    /// while the file is parsed).
    public var observer: ((UnsafeRawBufferPointer) -> Void)?

    /// Pieces of at most this many bytes from memory (the whole array by default; tests cut
    /// it small to cross every piece boundary a file read could).
    let pieceSize: Int

    public init(bytes: [UInt8], origin: String = "", pieceSize: Int = .max) {
        backing = .memory(bytes, offset: 0)
        self.origin = origin
        self.pieceSize = max(1, pieceSize)
    }

    /// Opens `path` for reading; throws `InputError` when it cannot.
    public init(path: String) throws(InputError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(place: path, code: errno) }
        backing = .file(fd: fd)
        origin = path
        pieceSize = Self.chunkSize
    }

    deinit {
        if case let .file(fd) = backing { close(fd) }
    }

    /// The next piece, or nil at the end. The slice is only valid until the next call.
    public func next() throws(InputError) -> ArraySlice<UInt8>? {
        guard !finished else { return nil }
        switch backing {
        case let .memory(bytes, offset):
            guard offset < bytes.count else {
                finished = true
                backing = .memory([], offset: 0)
                return nil
            }
            let end = offset + min(pieceSize, bytes.count - offset)
            backing = .memory(bytes, offset: end)
            let piece = bytes[offset..<end]
            if let observer { piece.withUnsafeBytes(observer) }
            return piece
        case let .file(fd):
            if buffer.count != Self.chunkSize { buffer = [UInt8](repeating: 0, count: Self.chunkSize) }
            var filled = 0
            while filled < Self.chunkSize {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, Self.chunkSize - filled) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputError(place: origin, code: errno)
                }
                if n == 0 { break }
                filled += n
            }
            if filled == 0 { finished = true; return nil }
            let piece = buffer[0..<filled]
            if let observer { piece.withUnsafeBytes(observer) }
            return piece
        }
    }

    /// Everything that is left, as one array: for formats read as a whole (JSON documents).
    public func readAll() throws(InputError) -> [UInt8] {
        if case let .memory(bytes, 0) = backing, !finished, observer == nil {
            finished = true
            backing = .memory([], offset: 0)
            return bytes
        }
        var out: [UInt8] = []
        while let piece = try next() { out.append(contentsOf: piece) }
        return out
    }

    /// Reads what the parser left (trailing bytes after a document's end), so the observer
    /// has seen the whole payload.
    public func drain() throws(InputError) {
        while try next() != nil {}
    }
}

/// A payload that could not be read (a file that vanished or is unreadable).
public struct InputError: Error, Equatable, CustomStringConvertible {
    public var place: String
    public var message: String

    public init(place: String, message: String) {
        self.place = place
        self.message = message
    }

    init(place: String, code: Int32) {
        self.init(place: place, message: "cannot read: \(String(cString: strerror(code)))")
    }

    public var description: String { "\(place): \(message)" }
}
