import Foundation
/// Python's `repr` of a flat dict, as pandas writes a nested object into a CSV cell:
/// `{'id': 35337720, 'body': 'Thanks!\nThe team', 'modified': '2023-03-12T17:16:37Z'}`.
/// Strings in single or double quotes with Python's escapes; numbers and True as their bare
/// text; a None value leaves its key out; a nested value (a list, a dict, `datetime(…)`) is kept
/// as written. Anything that is not such a dict is nil.
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
                // A bare value: a number, True, None, or something nested (a list, a dict, a call
                // such as datetime(…)) read to its matching bracket and kept as written.
                var bare = String.UnicodeScalarView()
                var depth = 0
                while let c = chars.first, depth > 0 || (c != "," && c != "}") {
                    if c == "'" || c == "\"" {
                        // A string inside brackets; at the top a quote means a missing comma.
                        guard depth > 0, let quoted = string() else { return nil }
                        bare.append(contentsOf: "'\(quoted)'".unicodeScalars)
                        continue
                    }
                    if "([{".unicodeScalars.contains(c) { depth += 1 }
                    if ")]}".unicodeScalars.contains(c) { depth -= 1 }
                    bare.append(chars.removeFirst())
                }
                let value = String(bare).trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty, depth == 0 else { return nil }
                if value != "None" { result[key] = value } // None: the key holds nothing
            }
            skipSpace()
            // Entries are separated by a comma; anything else before the closing brace is not a dict.
            if chars.first == "," { chars.removeFirst() } else if chars.first != "}" { return nil }
        }
        skipSpace()
        return chars.isEmpty ? result : nil
    }
}
