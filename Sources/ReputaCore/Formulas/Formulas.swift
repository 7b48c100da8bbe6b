import Foundation

/// Every formula Reputa computes lives here, each with the definition it follows.
public enum Formulas {
    /// Min–max normalization onto 0–100: `(x − min) / (max − min) × 100`, rounded to 2 decimals
    /// so stored values are stable across platforms.
    public static func minMaxNormalized(_ x: Double, min: Double, max: Double) -> Double {
        guard max > min else { return 0 }
        let v = (x - min) / (max - min) * 100
        return (v * 100).rounded() / 100
    }
}
