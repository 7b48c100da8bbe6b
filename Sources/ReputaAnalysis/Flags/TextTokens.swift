import Foundation

/// Review text cut into lower-case, accent-folded words for the lexicons: `Più` and `piu`
/// are one word, `wouldn't` is `would not`, `l'allergia` is `l allergia`, an emoji is a word
/// of its own, and sentence ends (`. ! ? ;` and line breaks) are kept as a `.` token so
/// negation never reaches across a sentence.
public struct TextTokens: Equatable, Sendable {
    public var words: [String]
    /// Words written in capitals (at least 3 letters): shouting intensifies.
    public var shouted: Set<Int>

    public static let boundary = "."

    /// A review's title and text as one text, the title a sentence of its own.
    public init(title: String, text: String) {
        self.init(title.isEmpty ? text : title + ".\n" + text)
    }

    public init(_ text: String) {
        var words: [String] = []
        var shouted = Set<Int>()
        // The word being read, as UTF-8: a byte buffer made a String once per word costs a third of
        // appending scalar by scalar to a String (`perf`, `make bench`, flag pass).
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var upper = 0, letters = 0
        func flush() {
            guard !current.isEmpty else { return }
            if letters >= 3, upper == letters { shouted.insert(words.count) }
            words.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
            upper = 0
            letters = 0
        }
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let kind = Self.kind(of: s)
            if kind != .other {
                if kind == .upper { upper += 1 }
                if kind != .digit { letters += 1 }
                Self.fold(s, into: &current)
            } else if (s == "'" || s == "\u{2019}"), current.last == UInt8(ascii: "n"), i + 1 < scalars.count,
                      scalars[i + 1] == "t" || scalars[i + 1] == "T",
                      i + 2 >= scalars.count || Self.kind(of: scalars[i + 2]) == .other {
                // English "n't": "wouldn't" → "would not", "can't" → "ca not".
                current.removeLast()
                flush()
                words.append("not")
                i += 2
                continue
            } else {
                flush()
                if ".!?;\n\r".unicodeScalars.contains(s) {
                    if words.last != Self.boundary, !words.isEmpty { words.append(Self.boundary) }
                } else if s.value >= 0x80, case let p = s.properties, p.isEmojiPresentation || (p.isEmoji && s.value > 0x2100 && s.value != 0xFE0F) {
                    words.append(String(s))
                }
            }
            i += 1
        }
        flush()
        self.words = words
        self.shouted = shouted
    }

    enum Kind { case upper, letter, digit, other }

    /// Letter (upper or not), digit or anything else. ASCII by comparison: Unicode's property
    /// lookup was a tenth of the flag pass (`perf`, `make bench`).
    static func kind(of s: Unicode.Scalar) -> Kind {
        let v = s.value
        if v < 0x80 {
            if v >= 97 && v <= 122 { return .letter }
            if v >= 65 && v <= 90 { return .upper }
            return v >= 48 && v <= 57 ? .digit : .other
        }
        let p = s.properties
        guard p.isAlphabetic else { return .other }
        return p.isUppercase ? .upper : .letter
    }

    /// Lower case without diacritics, letter by letter (à → a, É → e, ß stays). ASCII and the
    /// accented vowels of Italian are folded by table; Foundation's folding, which costs
    /// microseconds a call on Linux, only for the rest (`make bench`, flag pass).
    static func fold(_ s: Unicode.Scalar, into out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v >= 65 && v <= 90 ? v + 32 : v))
            return
        }
        if let folded = latin[v] {
            out.append(UInt8(folded.value))
            return
        }
        let text = String(Character(s)).lowercased().folding(options: .diacriticInsensitive, locale: nil)
        out.append(contentsOf: text.utf8)
    }

    /// À–ÿ (Latin-1 letters) to their base letter, lower case.
    static let latin: [UInt32: Unicode.Scalar] = {
        var map: [UInt32: Unicode.Scalar] = [:]
        let groups: [(String, Unicode.Scalar)] = [("ÀÁÂÃÄÅàáâãäå", "a"), ("ÈÉÊËèéêë", "e"), ("ÌÍÎÏìíîï", "i"),
                                                  ("ÒÓÔÕÖØòóôõöø", "o"), ("ÙÚÛÜùúûü", "u"), ("Çç", "c"), ("Ññ", "n"),
                                                  ("Ýýÿ", "y")]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { map[scalar.value] = base }
        }
        return map
    }()
}
