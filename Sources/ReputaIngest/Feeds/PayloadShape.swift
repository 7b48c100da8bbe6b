import ReputaCore

/// What a payload looks like from its first bytes, so "an HTML login page where a feed was
/// expected" or "JSON given to an XML kind" get a plain message instead of an XML error.
public enum PayloadShape: Equatable, Sendable {
    case xml, html, json, empty, other

    public static func sniff(_ bytes: [UInt8]) -> PayloadShape {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .xml } // UTF-16: let libxml2 decide
        func skipSpace() { while i < bytes.count, [9, 10, 13, 32].contains(bytes[i]) { i += 1 } }
        skipSpace()
        guard i < bytes.count else { return .empty }
        if bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "[") { return .json }
        guard bytes[i] == UInt8(ascii: "<") else { return .other }
        // Look past the XML declaration, comments and a DOCTYPE for the root's name.
        let head = String(decoding: bytes[i..<min(bytes.count, i + 2048)], as: UTF8.self).lowercased()
        if head.contains("<!doctype html") { return .html }
        var rest = head[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                guard let close = after.firstIndex(of: ">") else { break }
                rest = after[after.index(after: close)...]
                continue
            }
            return after.hasPrefix("html") && !after.hasPrefix("html:") ? .html : .xml
        }
        return .xml
    }

    /// Throws unless `bytes` look like XML.
    public static func requireXML(_ bytes: [UInt8], source: String, origin: String) throws {
        switch sniff(bytes) {
        case .xml: return
        case .html: throw ParseError(source: source, place: origin, message: "not a feed: an HTML page")
        case .json: throw ParseError(source: source, place: origin, message: "not a feed: JSON data where XML was expected (is the kind right?)")
        case .empty: throw ParseError(source: source, place: origin, message: "empty document")
        case .other: throw ParseError(source: source, place: origin, message: "unrecognized format: not XML")
        }
    }
}
