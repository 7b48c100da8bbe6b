import Foundation

/// Which test decides whether the difference between two figures is more than noise
/// (`../shared/notes/metrics.md`, "Comparing").
public enum DifferenceTest: String, Sendable, Codable {
    /// Shares in percent (top-2-box, CSAT %, response rate): the pooled two-proportion z-test.
    case twoProportion = "two-proportion z"
    /// Means (ratings, CES, response times): Welch's t-test with Welch–Satterthwaite df.
    case welch = "Welch t"
    /// NPS and net stars: z on the difference, each side's variance from its +1/0/−1 answers.
    case npsVariance = "NPS variance z"
    /// Counts per week (review volume): the conditional test of two Poisson rates
    /// (`Formulas.rateDifference`); `difference` does not take it.
    case poissonRate = "Poisson rate z"
}

/// A difference `a − b` and what the test says of it.
public struct Difference: Equatable, Sendable, Codable {
    public enum Verdict: String, Sendable, Codable {
        case higher, lower
        /// The test cannot tell the difference from sampling noise at 95 %.
        case withinNoise = "within noise"
        /// One side has no figure or too few answers to test (n < 2).
        case untestable = "not testable"
    }

    public var delta: Double?
    public var statistic: Double?
    public var test: DifferenceTest
    public var verdict: Verdict

    public var isSignificant: Bool { verdict == .higher || verdict == .lower }
}

extension Formulas {
    /// Compares `a` with `b` (`a − b`) at the two-sided 95 % level.
    ///
    /// - two-proportion: p̄ = (k₁ + k₂) ÷ (n₁ + n₂), z = (p₁ − p₂) ÷ √(p̄(1 − p̄)(1/n₁ + 1/n₂)); the
    ///   counts k are recovered from the shares (value × n ÷ 100).
    /// - Welch: t = (m₁ − m₂) ÷ √(se₁² + se₂²), df = (se₁² + se₂²)² ÷ (se₁⁴/(n₁ − 1) + se₂⁴/(n₂ − 1)),
    ///   significant when |t| > t(0.975, df).
    /// - NPS variance: z = (NPS₁ − NPS₂) ÷ √(se₁² + se₂²), se² = (p + d − (p − d)²) ÷ n (× 100²).
    public static func difference(_ a: Figure, _ b: Figure, test: DifferenceTest) -> Difference {
        guard let va = a.value, let vb = b.value else {
            return Difference(delta: nil, statistic: nil, test: test, verdict: .untestable)
        }
        let delta = va - vb
        guard a.n >= 2, b.n >= 2 else { return Difference(delta: delta, statistic: nil, test: test, verdict: .untestable) }
        var statistic: Double?
        var critical = z95
        switch test {
        case .twoProportion:
            let k1 = va / 100 * Double(a.n), k2 = vb / 100 * Double(b.n)
            let pooled = (k1 + k2) / Double(a.n + b.n)
            let se = (pooled * (1 - pooled) * (1 / Double(a.n) + 1 / Double(b.n))).squareRoot()
            statistic = se > 0 ? (va - vb) / 100 / se : nil
        case .poissonRate:
            break // counts, not figures: see `rateDifference`
        case .welch, .npsVariance:
            guard let sa = a.standardError, let sb = b.standardError else { break }
            let variance = sa * sa + sb * sb
            guard variance > 0 else { break }
            statistic = delta / variance.squareRoot()
            if test == .welch {
                let df = variance * variance / (pow(sa, 4) / Double(a.n - 1) + pow(sb, 4) / Double(b.n - 1))
                critical = tQuantile975(degreesOfFreedom: max(1, Int(df.rounded(.down))))
            }
        }
        // No spread on either side (every answer the same, both sides equal): nothing to tell apart.
        guard let statistic else {
            return Difference(delta: delta, statistic: nil, test: test, verdict: delta == 0 ? .withinNoise : .untestable)
        }
        let verdict: Difference.Verdict = abs(statistic) <= critical ? .withinNoise : (statistic > 0 ? .higher : .lower)
        return Difference(delta: delta, statistic: statistic, test: test, verdict: verdict)
    }
}

extension Formulas {
    /// Compares two weekly rates of events, `x` events in `t1` weeks against `y` in `t2` weeks
    /// (delta = x/t1 − y/t2, per week), at the two-sided 95 % level.
    ///
    /// Under equal rates, x given x + y is binomial with p₀ = t1 ÷ (t1 + t2) (the conditional
    /// test of two Poisson rates, Przyborowski & Wilenski 1940; Krishnamoorthy & Thomson 2004,
    /// "A more powerful test for comparing two Poisson means"); its normal form is
    /// z = (x − (x + y)p₀) ÷ √((x + y)p₀(1 − p₀)). Untestable below 10 events in all (where the
    /// normal form is unreliable) or without weeks on either side.
    public static func rateDifference(_ x: Int, weeks t1: Double, _ y: Int, weeks t2: Double) -> Difference {
        guard t1 > 0, t2 > 0 else { return Difference(delta: nil, statistic: nil, test: .poissonRate, verdict: .untestable) }
        let delta = Double(x) / t1 - Double(y) / t2
        let total = Double(x + y)
        guard x + y >= 10 else { return Difference(delta: delta, statistic: nil, test: .poissonRate, verdict: .untestable) }
        let p0 = t1 / (t1 + t2)
        let z = (Double(x) - total * p0) / (total * p0 * (1 - p0)).squareRoot()
        let verdict: Difference.Verdict = abs(z) <= z95 ? .withinNoise : (z > 0 ? .higher : .lower)
        return Difference(delta: delta, statistic: z, test: .poissonRate, verdict: verdict)
    }
}

extension Formulas {
    /// The two-sided p-value of Pearson's r on n pairs against r = 0, through Fisher's z:
    /// z = atanh(r)·√(n − 3), p = erfc(|z| ÷ √2). Nil below 4 pairs or for |r| = 1.
    public static func correlationPValue(r: Double, n: Int) -> Double? {
        guard n > 3, abs(r) < 1 else { return nil }
        return erfc(abs(atanh(r)) * Double(n - 3).squareRoot() / 2.0.squareRoot())
    }

    /// Holm's step-down adjustment of m p-values for testing them together (Holm 1979): sorted
    /// ascending, p₍ᵢ₎ × (m − i + 1), made non-decreasing and capped at 1; returned in the
    /// input's order. A result below 0.05 is significant with the family-wise error at 5 %.
    public static func holm(_ ps: [Double]) -> [Double] {
        let m = ps.count
        let order = ps.indices.sorted { ps[$0] < ps[$1] }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, i) in order.enumerated() {
            running = max(running, min(1, ps[i] * Double(m - rank)))
            adjusted[i] = running
        }
        return adjusted
    }
}
