/// One computed figure as users see it: the value (nil when the data cannot give one, e.g. no
/// answers in the period), the sample size `n` it rests on, and its 95 % confidence interval
/// where the formula has one.
public struct Figure: Equatable, Sendable, Codable {
    public var value: Double?
    public var n: Int
    public var ciLow: Double?
    public var ciHigh: Double?
    /// The estimate's standard error, in the value's unit, where the formula gives one: what
    /// the significance tests (`Formulas.difference`) compare two figures with.
    public var standardError: Double?

    public init(value: Double?, n: Int, ciLow: Double? = nil, ciHigh: Double? = nil, standardError: Double? = nil) {
        self.value = value
        self.n = n
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.standardError = standardError
    }

    /// No data: absent value, `n = 0`, never a division by zero.
    public static let empty = Figure(value: nil, n: 0)
}
