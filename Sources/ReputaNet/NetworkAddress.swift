/// Which addresses a fetch may connect to. Checked on the exact address curl is about to open
/// (after DNS, on every redirect hop), so neither DNS rebinding nor `0x7f.1`-style spellings
/// get around it. Ranges as in Miniflux's `IsNonPublicIP` plus RFC 6598, NAT64 and mapped IPv6.
public enum NetworkAddress {
    /// The name of the non-public range `bytes` (4 or 16 bytes) falls in, or nil when public.
    public static func nonPublicRange(_ bytes: [UInt8]) -> String? {
        if bytes.count == 4 { return ipv4Range(bytes) }
        guard bytes.count == 16 else { return "an unknown address family" }
        let zeroPrefix = bytes[0..<10].allSatisfy { $0 == 0 }
        if zeroPrefix, bytes[10] == 0xff, bytes[11] == 0xff { return ipv4Range(Array(bytes[12..<16])).map { "an IPv4-mapped \($0)" } }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) {
            return bytes[15] == 1 ? "a loopback address" : bytes[15] == 0 ? "the unspecified address" : "an IPv4-compatible address"
        }
        // 64:ff9b::/96 NAT64 carries an IPv4 address in its last 4 bytes.
        if bytes[0..<12] == [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0] {
            return ipv4Range(Array(bytes[12..<16])).map { "a NAT64-embedded \($0)" }
        }
        if bytes[0] & 0xfe == 0xfc { return "a unique-local (private) address" }
        if bytes[0] == 0xfe, bytes[1] & 0xc0 == 0x80 { return "a link-local address" }
        if bytes[0] == 0xfe, bytes[1] & 0xc0 == 0xc0 { return "a site-local address" }
        if bytes[0] == 0xff { return "a multicast address" }
        if bytes[0] == 0x20, bytes[1] == 0x01, bytes[2] == 0x0d, bytes[3] == 0xb8 { return "a documentation address" }
        return nil
    }

    static func ipv4Range(_ b: [UInt8]) -> String? {
        switch (b[0], b[1]) {
        case (0, _): return "the unspecified network 0.0.0.0/8"
        case (10, _): return "a private address (10.0.0.0/8)"
        case (100, 64...127): return "a shared (CGNAT) address (100.64.0.0/10)"
        case (127, _): return "a loopback address"
        case (169, 254): return "a link-local address (169.254.0.0/16, cloud metadata)"
        case (172, 16...31): return "a private address (172.16.0.0/12)"
        case (192, 168): return "a private address (192.168.0.0/16)"
        case (192, 0) where b[2] == 0: return "an IETF protocol address (192.0.0.0/24)"
        case (198, 18...19): return "a benchmarking address (198.18.0.0/15)"
        case (224...239, _): return "a multicast address"
        case (240...255, _): return "a reserved or broadcast address"
        default: return nil
        }
    }

    /// Dotted or colon-hex text for messages.
    public static func text(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        var groups: [String] = []
        for i in stride(from: 0, to: bytes.count - 1, by: 2) {
            groups.append(String(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]), radix: 16))
        }
        // Compress the longest run of zero groups, as RFC 5952 prints it.
        var best = (start: -1, length: 0), run = (start: -1, length: 0)
        for (i, g) in groups.enumerated() {
            if g == "0" { run = run.start < 0 ? (i, 1) : (run.start, run.length + 1) } else { run = (-1, 0) }
            if run.length > best.length, run.length > 1 { best = run }
        }
        guard best.start >= 0 else { return groups.joined(separator: ":") }
        let head = groups[..<best.start].joined(separator: ":"), tail = groups[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}
