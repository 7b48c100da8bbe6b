import Foundation
import ReputaCore

/// A read-only walk over a parsed JSON document that forgives the shapes portals really send:
/// a single object where a list was documented, numbers as strings (`"seconds": "1700000000"`),
/// App Store scalars wrapped in `{"label": …}`, and missing keys (an empty node).
struct JSONNode {
    let value: Any?

    init(_ value: Any?) { self.value = value is NSNull ? nil : value }

    subscript(key: String) -> JSONNode { JSONNode((value as? [String: Any])?[key]) }

    var exists: Bool { value != nil }

    var string: String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber:
            // Integral ids (Tripadvisor's `id: 123`) must not come out as "123.0".
            let d = n.doubleValue
            return d == d.rounded() && abs(d) < 1e15 ? "\(n.int64Value)" : "\(d)"
        default: return nil
        }
    }

    /// `string` trimmed and with CRLF as LF; "" when absent.
    var text: String { string.map(CellText.clean) ?? "" }

    var double: Double? {
        switch value {
        case let n as NSNumber: return n.doubleValue
        case let s as String: return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    var int: Int? { double.flatMap { $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) : nil } }

    /// A list; a lone object counts as a list of one (the App Store feed's single `entry`).
    var list: [JSONNode] {
        if let a = value as? [Any] { return a.map(JSONNode.init) }
        if value is [String: Any] { return [self] }
        return []
    }

    /// An object's keys; nil for anything else.
    var keys: [String]? { (value as? [String: Any]).map { Array($0.keys) } }

    /// A list and only a list (no lone object counted as one).
    var array: [JSONNode]? { (value as? [Any]).map { $0.map(JSONNode.init) } }

    /// The App Store's `{"label": "…"}` wrapper, or the plain value.
    var label: JSONNode { self["label"].exists ? self["label"] : self }

    /// Parses a whole JSON payload (a UTF-8 BOM is skipped), naming line and column on failure.
    static func parse(_ bytes: [UInt8], source: String, origin: String) throws -> JSONNode {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        switch PayloadShape.sniff(body) {
        case .json: break
        case .empty: throw ParseError(source: source, place: origin, message: "empty document")
        case .html: throw ParseError(source: source, place: origin, message: "not JSON: an HTML page")
        case .xml: throw ParseError(source: source, place: origin, message: "not JSON: XML data (is the kind right?)")
        case .other: throw ParseError(source: source, place: origin, message: "not JSON")
        }
        do {
            return JSONNode(try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]))
        } catch {
            throw ParseError(source: source, place: origin + place(of: error, in: body), message: "malformed JSON: \(reason(error))")
        }
    }

    /// `:line:column` from Foundation's "around character N" / "around line L, column C".
    static func place(of error: Error, in bytes: [UInt8]) -> String {
        let text = "\(error)"
        if let r = text.range(of: "line "), let line = Int(text[r.upperBound...].prefix { $0.isNumber }),
           let c = text.range(of: "column "), let column = Int(text[c.upperBound...].prefix { $0.isNumber }) {
            return ":\(line):\(column)"
        }
        let info = (error as NSError).userInfo
        if let offset = info["NSJSONSerializationErrorIndex"] as? Int {
            var line = 1, column = 1
            for b in bytes.prefix(offset) { if b == 10 { line += 1; column = 1 } else { column += 1 } }
            return ":\(line):\(column)"
        }
        return ""
    }

    static func reason(_ error: Error) -> String {
        let info = (error as NSError).userInfo
        return (info[NSDebugDescriptionErrorKey] as? String) ?? "not valid JSON"
    }
}

/// JSON Lines: one object per line; a line that is not JSON is reported with its number.
enum JSONLines {
    static func objects(_ bytes: [UInt8], origin: String) -> (objects: [(JSONNode, Int)], bad: [RowProblem]) {
        var objects: [(JSONNode, Int)] = [], bad: [RowProblem] = []
        var line = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            line += 1
            let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
            let slice = bytes[start..<end]
            start = end + 1
            guard slice.contains(where: { $0 != 32 && $0 != 13 && $0 != 9 }) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(slice)), object is [String: Any] else {
                bad.append(RowProblem(place: "\(origin):\(line)", message: "not a JSON object"))
                continue
            }
            objects.append((JSONNode(object), line))
        }
        return (objects, bad)
    }
}

/// Building blocks every portal importer shares.
enum ReviewFields {
    /// A portal's own language code as stored: primary subtag, lower case (`pt_BR` → `pt`).
    static func language(_ code: String, fallbackText: String) -> String {
        var language = code.lowercased()
        if let cut = language.firstIndex(where: { $0 == "_" || $0 == "-" }) { language = String(language[..<cut]) }
        return language.isEmpty ? LanguageDetector.detect(fallbackText) : language
    }

    static func date(_ node: JSONNode, zone: TimeZone) -> Timestamp? {
        guard let s = node.string?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        return DateText.parse(s, zone: zone)
    }

    static func rating(_ value: Double?, scale: RatingScale) -> Rating? {
        guard let value, scale.contains(value) else { return nil }
        return Rating(value: value, scale: scale)
    }

    static func zone(_ source: SourceDescriptor) -> TimeZone { TimeZone(identifier: source.timezone) ?? .gmt }

    /// The id and rating every portal review needs; nil after noting a skipped row that says
    /// which one was missing or wrong.
    static func identity(id: JSONNode, rating: JSONNode, ratingKey: String, scale: RatingScale, place: String,
                         skipped: inout [RowProblem]) -> (String, Rating)? {
        let text = id.text
        guard !text.isEmpty else {
            skipped.append(RowProblem(place: place, message: "review without an id"))
            return nil
        }
        guard let r = self.rating(rating.double, scale: scale) else {
            skipped.append(RowProblem(place: place, message: "review \(text): \(ratingKey) is \(rating.string ?? "missing"), not on \(scale)"))
            return nil
        }
        return (text, r)
    }
}
