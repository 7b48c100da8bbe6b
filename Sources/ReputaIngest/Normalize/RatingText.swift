import Foundation

import ReputaCore

/// Reads a rating the way portals and exports write it: `4`, `4.5`, `4,5`, `4,0 su 5 stelle`,
/// `4 out of 5 stars`, `4/5`, `★★★★`, `★★★★☆`. A written "of N" (`su 5`, `/5`, filled+empty
/// stars) names the scale; otherwise the source's configured scale applies.
public enum RatingText {
    public static func parse(_ raw: String, defaultScale: RatingScale) -> Rating? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }

        let filled = text.filter { $0 == "★" }.count
        let empty = text.filter { $0 == "☆" }.count
        if filled + empty > 0 {
            guard text.allSatisfy({ $0 == "★" || $0 == "☆" || $0.isWhitespace }) else { return nil }
            let scale = empty > 0 ? RatingScale(min: 1, max: Double(filled + empty)) : defaultScale
            let rating = Rating(value: Double(filled), scale: scale)
            return scale.contains(rating.value) ? rating : nil
        }

        let numbers = numbers(in: text)
        guard let value = numbers.first else { return nil }
        var scale = defaultScale
        if numbers.count >= 2 {
            let lower = text.lowercased()
            let saysOutOf = lower.contains("/") || lower.contains(" su ") || lower.contains(" of ")
                || lower.contains(" out of ")
            guard saysOutOf, numbers.count == 2 else { return nil }
            scale = RatingScale(min: defaultScale.min, max: numbers[1])
        } else {
            // A lone number must be the whole text (allowing a trailing "stelle"/"stars").
            let rest = text.drop(while: { $0.isNumber || $0 == "." || $0 == "," })
                .trimmingCharacters(in: .whitespaces).lowercased()
            guard ["", "stelle", "stella", "stars", "star", "★"].contains(rest) else { return nil }
        }
        guard scale.contains(value) else { return nil }
        return Rating(value: value, scale: scale)
    }

    /// Decimal numbers in the text, accepting `.` or `,` as the decimal separator.
    static func numbers(in text: String) -> [Double] {
        var out: [Double] = []
        var current = ""
        func flush() {
            if !current.isEmpty, let v = Double(current.replacingOccurrences(of: ",", with: ".")) { out.append(v) }
            current = ""
        }
        for ch in text {
            if ch.isASCII && ch.isNumber {
                current.append(ch)
            } else if (ch == "." || ch == ","), !current.isEmpty, !current.contains(".") && !current.contains(",") {
                current.append(ch)
            } else {
                if current.last == "." || current.last == "," { current.removeLast() }
                flush()
            }
        }
        if current.last == "." || current.last == "," { current.removeLast() }
        flush()
        return out
    }
}
