import ReputaCore

/// Reads a rating the way portals and exports write it: `4`, `4.5`, `4,5`, `4,0 su 5 stelle`,
/// `4 out of 5 stars`, `4/5`, `★★★★`, `★★★★☆`. A written "of N" (`su 5`, `/5`, filled+empty
/// stars) names the scale; otherwise the source's configured scale applies.
///
/// One pass over the UTF-8 bytes: this runs once per imported row.
public enum RatingText {
    /// Words allowed around the numbers; anything else means the cell is not a rating.
    static let unitWords: Set<String> = ["stelle", "stella", "stars", "star"]
    static let outOfWords: Set<String> = ["su", "of", "out"]

    public static func parse(_ raw: String, defaultScale: RatingScale) -> Rating? {
        let b = Array(raw.utf8)
        var filled = 0, empty = 0, slash = false
        var numbers: [Double] = []
        var words: [String] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x98, b[i + 2] == 0x85 || b[i + 2] == 0x86 {
                if b[i + 2] == 0x85 { filled += 1 } else { empty += 1 }
                i += 3
            } else if c >= 0x30 && c <= 0x39 {
                var j = i, separator = false
                while j < b.count {
                    if b[j] >= 0x30 && b[j] <= 0x39 { j += 1; continue }
                    if (b[j] == 0x2E || b[j] == 0x2C) && !separator && j + 1 < b.count && b[j + 1] >= 0x30 && b[j + 1] <= 0x39 {
                        separator = true
                        j += 1
                        continue
                    }
                    break
                }
                let text = String(decoding: b[i..<j].map { $0 == 0x2C ? 0x2E : $0 }, as: UTF8.self)
                guard let v = Double(text) else { return nil }
                numbers.append(v)
                i = j
            } else if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A {
                var j = i
                while j < b.count, (b[j] | 0x20) >= 0x61 && (b[j] | 0x20) <= 0x7A { j += 1 }
                words.append(String(decoding: b[i..<j].map { $0 | 0x20 }, as: UTF8.self))
                i = j
            } else if c == 0x2F {
                slash = true
                i += 1
            } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0xA0 {
                i += 1
            } else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { // no-break space
                i += 2
            } else {
                return nil
            }
        }

        if filled + empty > 0 {
            // One star in all ("☆") is no scale: a scale needs two points at least.
            guard numbers.isEmpty, words.isEmpty, !slash, empty == 0 || filled + empty >= 2 else { return nil }
            let scale = empty > 0 ? RatingScale(min: 1, max: Double(filled + empty)) : defaultScale
            let rating = Rating(value: Double(filled), scale: scale)
            return scale.contains(rating.value) ? rating : nil
        }
        // A number too long for a Double ("999…") is no rating.
        guard numbers.allSatisfy(\.isFinite) else { return nil }
        var scale = defaultScale
        switch numbers.count {
        case 1:
            guard !slash, words.allSatisfy(unitWords.contains) else { return nil }
        case 2:
            let saysOutOf = slash || words.contains(where: outOfWords.contains)
            guard saysOutOf, words.allSatisfy({ unitWords.contains($0) || outOfWords.contains($0) }) else { return nil }
            // "1/1" or "0 su 0" names no scale (rating_100 would divide by zero): not a rating.
            guard numbers[1] > defaultScale.min else { return nil }
            scale = RatingScale(min: defaultScale.min, max: numbers[1])
        default:
            return nil
        }
        let rating = Rating(value: numbers[0], scale: scale)
        return scale.contains(rating.value) ? rating : nil
    }
}
