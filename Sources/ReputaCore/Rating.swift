import Foundation

/// The range a portal's ratings live in, e.g. 1–5 stars or 0–10 points.
public struct RatingScale: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var min: Double
    public var max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }

    public static let fiveStars = RatingScale(min: 1, max: 5)

    /// Parses `1-5`, `0-10`, `1..5`.
    public init?(parsing text: String) {
        let parts = text.replacingOccurrences(of: "..", with: "-").split(separator: "-")
        guard parts.count == 2, let lo = Double(parts[0].trimmingCharacters(in: .whitespaces)),
              let hi = Double(parts[1].trimmingCharacters(in: .whitespaces)), lo < hi else { return nil }
        self.init(min: lo, max: hi)
    }

    public func contains(_ value: Double) -> Bool { value >= min && value <= max }

    public var description: String { "\(Self.format(min))-\(Self.format(max))" }

    static func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}

/// A rating as the portal gave it, with the scale it was given on.
public struct Rating: Equatable, Sendable, Codable {
    public var value: Double
    public var scale: RatingScale

    public init(value: Double, scale: RatingScale) {
        self.value = value
        self.scale = scale
    }

    /// The rating mapped linearly onto 0–100 so portals with different scales compare:
    /// `rating_100 = (value − min) / (max − min) × 100` (min–max normalization; 1★ of 1–5 is 0,
    /// 3★ is 50, 5★ is 100). See `../shared/notes/metrics.md`, "portal-side figures".
    public var normalized: Double {
        Formulas.minMaxNormalized(value, min: scale.min, max: scale.max)
    }
}
