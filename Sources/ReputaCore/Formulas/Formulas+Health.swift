/// How a customer health score is made (`health:` in sources.yml): weighted components, each
/// one signal mapped onto 0–100, and the bands the score falls in.
public struct HealthModel: Equatable, Sendable {
    public struct Component: Equatable, Sendable {
        public var name: String
        /// The signal's column (`tenure`, `plan`, `csat`…).
        public var signal: String
        public var weight: Double
        /// Numeric signals: the values that map to 0 and to 100 (clamped outside).
        public var low: Double
        public var high: Double
        /// Label signals (a plan): label → points 0–100. Non-empty makes the component a label one.
        public var points: [String: Double]

        public init(name: String, signal: String, weight: Double, low: Double = 0, high: Double = 100,
                    points: [String: Double] = [:]) {
            self.name = name
            self.signal = signal
            self.weight = weight
            self.low = low
            self.high = high
            self.points = points
        }
    }

    /// A band holds the scores at or above `from` (and below the next band up).
    public struct Band: Equatable, Sendable {
        public var name: String
        public var from: Double

        public init(name: String, from: Double) {
            self.name = name
            self.from = from
        }
    }

    public var components: [Component]
    public var bands: [Band]

    public init(components: [Component], bands: [Band]) {
        self.components = components
        self.bands = bands.sorted { $0.from > $1.from }
    }

    /// Tenure, plan, interactions, spend, responsiveness, latest CSAT and NPS, with the bands
    /// healthy ≥ 70, at risk ≥ 40, critical below: used when the config has no `health:`.
    public static let standard = HealthModel(components: [
        Component(name: "tenure", signal: "tenure", weight: 15, low: 0, high: 36),
        Component(name: "plan", signal: "plan", weight: 10, points: ["free": 0, "paid": 100]),
        Component(name: "interactions", signal: "interactions", weight: 15, low: 0, high: 20),
        Component(name: "spend", signal: "spend", weight: 15, low: 0, high: 1000),
        Component(name: "responsiveness", signal: "responsiveness", weight: 15, low: 0, high: 100),
        Component(name: "csat", signal: "csat", weight: 15, low: 1, high: 5),
        Component(name: "nps", signal: "nps", weight: 15, low: 0, high: 10),
    ], bands: [Band(name: "healthy", from: 70), Band(name: "at risk", from: 40), Band(name: "critical", from: 0)])
}

/// One customer's score with each component shown.
public struct HealthScore: Equatable, Sendable {
    public struct Part: Equatable, Sendable {
        public var name: String
        /// The component on 0–100; nil when the customer has no such signal.
        public var points: Double?
        public var weight: Double
    }

    public var score: Double?
    public var band: String?
    public var parts: [Part]
}

extension Formulas {
    /// Customer health score = Σ wᵢ·cᵢ ÷ Σ wᵢ over the components the customer has a signal
    /// for, each cᵢ on 0–100: a number mapped linearly from `low` (0) to `high` (100) and
    /// clamped (a `low` above `high` makes smaller better), a label through its points table.
    /// A missing signal leaves its component out of both sums (and is shown as missing) rather
    /// than scoring it 0. The band is the highest whose `from` the score reaches.
    public static func healthScore(_ signal: HealthSignal, model: HealthModel) -> HealthScore {
        var parts: [HealthScore.Part] = []
        var weighted = 0.0, weights = 0.0
        for c in model.components {
            var points: Double?
            if !c.points.isEmpty {
                points = signal.labels[c.signal].flatMap { c.points[$0.lowercased()] }
            } else if let x = signal.numbers[c.signal], c.high != c.low {
                points = min(100, max(0, (x - c.low) / (c.high - c.low) * 100))
            }
            parts.append(HealthScore.Part(name: c.name, points: points, weight: c.weight))
            if let points {
                weighted += c.weight * points
                weights += c.weight
            }
        }
        guard weights > 0 else { return HealthScore(score: nil, band: nil, parts: parts) }
        let score = weighted / weights
        return HealthScore(score: score, band: model.bands.first { score >= $0.from }?.name, parts: parts)
    }
}
