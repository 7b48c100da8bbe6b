import Foundation
/// Python's `repr` of a flat dict, as pandas writes a nested object into a CSV cell:
/// `{'id': 35337720, 'body': 'Thanks!\nThe team', 'modified': '2023-03-12T17:16:37Z'}`.
/// Strings in single or double quotes with Python's escapes; other values (numbers, None,
/// True) as their bare text. Anything else is nil.
enum PythonRepr {
    static func dict(_ text: String) -> [String: String]? {
        var chars = Array(text.unicodeScalars)[...]
        func skipSpace() { while let c = chars.first, c == " " || c == "\n" || c == "\t" { chars.removeFirst() } }
        func string() -> String? {
            guard let quote = chars.first, quote == "'" || quote == "\"" else { return nil }
            chars.removeFirst()
            var out = String.UnicodeScalarView()
            while let c = chars.popFirst() {
                if c == quote { return String(out) }
                guard c == "\\" else { out.append(c); continue }
                guard let e = chars.popFirst() else { return nil }
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "x", "u", "U":
                    let width = e == "x" ? 2 : e == "u" ? 4 : 8
                    guard chars.count >= width, let v = UInt32(String(String.UnicodeScalarView(chars.prefix(width))), radix: 16),
                          let scalar = Unicode.Scalar(v) else { return nil }
                    chars.removeFirst(width)
                    out.append(scalar)
                default: out.append(e) // \\ \' \" stand for themselves
                }
            }
            return nil
        }
        skipSpace()
        guard chars.popFirst() == "{" else { return nil }
        var result: [String: String] = [:]
        while true {
            skipSpace()
            if chars.first == "}" { chars.removeFirst(); break }
            guard let key = string() else { return nil }
            skipSpace()
            guard chars.popFirst() == ":" else { return nil }
            skipSpace()
            if let value = string() {
                result[key] = value
            } else {
                var bare = String.UnicodeScalarView()
                while let c = chars.first, c != ",", c != "}" { bare.append(chars.removeFirst()) }
                result[key] = String(bare).trimmingCharacters(in: .whitespaces)
            }
            skipSpace()
            if chars.first == "," { chars.removeFirst() }
        }
        skipSpace()
        return chars.isEmpty ? result : nil
    }
}
