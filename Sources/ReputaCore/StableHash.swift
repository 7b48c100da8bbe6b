/// A stable 64-bit FNV-1a digest of fields, for identities that must not change between runs
/// or machines (Swift's `Hasher` is randomly seeded per process). Not for security.
public struct StableHash {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var parts = 0

    public init() {}

    /// Adds one field; fields are kept apart by a separator byte (0x1F) in the digest.
    public mutating func add(_ part: String) {
        if parts > 0 { h = (h ^ 0x1F) &* 0x0000_0100_0000_01B3 }
        parts += 1
        var part = part
        part.withUTF8 { p in
            var x = h
            for b in p { x = (x ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            h = x
        }
    }

    /// Sixteen lower-case hex digits.
    public var hex: String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { b in
            for i in 0..<16 {
                let nibble = UInt8((h >> (60 - 4 * UInt64(i))) & 0xF)
                b[i] = nibble < 10 ? 48 + nibble : 87 + nibble
            }
            return String(decoding: UnsafeBufferPointer(b), as: UTF8.self)
        }
    }

    public static func hex(_ parts: [String]) -> String {
        var hash = StableHash()
        for part in parts { hash.add(part) }
        return hash.hex
    }
}
