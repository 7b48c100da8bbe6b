import Foundation

/// Intervals and summaries every metric shares (`../shared/notes/metrics.md`, "Comparing").
extension Formulas {
    /// z for a two-sided 95 % interval (the 0.975 quantile of the standard normal).
    public static let z95 = 1.959963984540054

    /// Wilson score interval for `successes` out of `n` (Wilson 1927; Agresti & Coull 1998):
    /// centre (p̂ + z²/2n) / (1 + z²/n), half-width z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²), as
    /// fractions in 0…1. Unlike p̂ ± z·SE it stays inside 0…1 and is sound for small n and for
    /// p̂ = 0 or 1. Nil when n = 0.
    public static func wilson(successes: Int, n: Int, z: Double = z95) -> (low: Double, high: Double)? {
        guard n > 0, successes >= 0, successes <= n else { return nil }
        let nn = Double(n), p = Double(successes) / nn, z2 = z * z
        let denominator = 1 + z2 / nn
        let centre = (p + z2 / (2 * nn)) / denominator
        let half = z / denominator * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// A share in percent with its Wilson interval: successes ÷ n × 100.
    public static func percentage(successes: Int, n: Int) -> Figure {
        guard n > 0, let ci = wilson(successes: successes, n: n) else { return .empty }
        let p = Double(successes) / Double(n)
        return Figure(value: p * 100, n: n, ciLow: ci.low * 100, ciHigh: ci.high * 100,
                      standardError: (p * (1 - p) / Double(n)).squareRoot() * 100)
    }

    /// Arithmetic mean with a 95 % Student-t interval, mean ± t(0.975, n − 1) · s/√n, s the
    /// sample standard deviation. n = 1 gives the value without an interval.
    public static func mean(_ values: [Double]) -> Figure {
        guard !values.isEmpty else { return .empty }
        let n = Double(values.count)
        let m = values.reduce(0, +) / n
        guard values.count > 1 else { return Figure(value: m, n: 1) }
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        let se = (variance / n).squareRoot()
        let half = tQuantile975(degreesOfFreedom: values.count - 1) * se
        return Figure(value: m, n: values.count, ciLow: m - half, ciHigh: m + half, standardError: se)
    }

    /// The mean of a time (minutes, never negative) with a 95 % interval that never runs below
    /// zero. Up to `bootstrapLimit` times: the percentile bootstrap (Efron & Tibshirani 1993,
    /// ch. 13), the 2.5th and 97.5th percentiles of the means of `resamples` samples drawn with
    /// replacement, from a fixed seed so that a figure is the same at every run. Times are skewed
    /// (a few tickets take days), where the t interval of `mean` runs below zero; a bootstrap mean
    /// lies between the smallest and largest time, so this one never does. Above the limit the
    /// mean's sampling distribution is close to normal (central limit theorem) and the t interval
    /// is used, its ends kept between the smallest and largest time: the bootstrap's cost grows
    /// with n × resamples, and a weekly comparison holds figures over tens of thousands of replies.
    /// The standard error stays the sample's (Welch's test compares with it).
    public static func durationMean(_ minutes: [Double], resamples: Int = 2_000, bootstrapLimit: Int = 500) -> Figure {
        var f = mean(minutes)
        guard minutes.count > 1 else { return f }
        guard minutes.count <= bootstrapLimit else {
            let lowest = minutes.min()!, highest = minutes.max()!
            f.ciLow = f.ciLow.map { min(max($0, lowest), highest) }
            f.ciHigh = f.ciHigh.map { min(max($0, lowest), highest) }
            return f
        }
        var rng = SplitMix64(seed: 0x5265_7075_7461) // "Reputa"
        let n = minutes.count
        var means = [Double](repeating: 0, count: resamples)
        for b in 0..<resamples {
            var sum = 0.0
            for _ in 0..<n { sum += minutes[Int(rng.next() % UInt64(n))] }
            means[b] = sum / Double(n)
        }
        means.sort()
        // Nearest rank: the ⌈p·B⌉-th of the sorted means (50th and 1,950th of 2,000).
        func rank(_ p: Double) -> Double { means[min(resamples, max(1, Int((p * Double(resamples)).rounded(.up)))) - 1] }
        f.ciLow = rank(0.025)
        f.ciHigh = rank(0.975)
        return f
    }

    /// The median: the middle value, or the mean of the two middle values when n is even.
    public static func median(_ values: [Double]) -> Figure {
        guard !values.isEmpty else { return .empty }
        let s = values.sorted(), c = s.count
        return Figure(value: c % 2 == 1 ? s[c / 2] : (s[c / 2 - 1] + s[c / 2]) / 2, n: c)
    }

    /// A percentile by the nearest-rank method: the value at rank ⌈p/100 · n⌉ of the sorted
    /// values (1-based), so p90 is a value that occurred and at least 90 % are at or below it.
    public static func percentile(_ p: Double, of values: [Double]) -> Figure {
        guard !values.isEmpty, p > 0, p <= 100 else { return .empty }
        let s = values.sorted()
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return Figure(value: s[max(1, min(rank, s.count)) - 1], n: s.count)
    }

    /// t(0.975, df), two-sided 95 %: a table for df 1–30 (any statistics textbook's t table),
    /// then df 40, 60, 120 interpolated linearly in 1/df, then z.
    public static func tQuantile975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                               2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                               2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        guard df > 0 else { return .nan }
        if df <= 30 { return table[df - 1] }
        let anchors: [(df: Double, t: Double)] = [(30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980), (.infinity, z95)]
        let d = Double(df)
        for k in 0..<(anchors.count - 1) where d <= anchors[k + 1].df {
            let (a, b) = (anchors[k], anchors[k + 1])
            let x = 1 / d, xa = 1 / a.df, xb = b.df.isInfinite ? 0 : 1 / b.df
            return a.t + (b.t - a.t) * (xa - x) / (xa - xb)
        }
        return z95
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator whose sequence is fixed by its
/// seed, for resampling that must give the same figure every time.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
