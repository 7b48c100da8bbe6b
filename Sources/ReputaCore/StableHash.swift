/// A stable 64-bit FNV-1a digest of fields, for identities that must not change between runs
/// or machines (Swift's `Hasher` is randomly seeded per process). Not for security.
public enum StableHash {
    public static func hex(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (n, part) in parts.enumerated() {
            if n > 0 { h = (h ^ 0x1F) &* 0x0000_0100_0000_01B3 }
            for b in part.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
