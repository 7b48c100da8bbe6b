/// Customer counts and conversions a business reports for one period (a row of a customers
/// export): any of start S, end E, new N, lost L, visits and sales.
public struct CustomerPeriod: Equatable, Sendable {
    public var first: Day
    public var last: Day
    public var segments: [String: String]
    public var start: Int?
    public var end: Int?
    public var new: Int?
    public var lost: Int?
    public var visits: Int?
    public var sales: Int?
    public var place: String

    public init(first: Day, last: Day, segments: [String: String] = [:], start: Int? = nil, end: Int? = nil,
                new: Int? = nil, lost: Int? = nil, visits: Int? = nil, sales: Int? = nil, place: String = "") {
        self.first = first
        self.last = last
        self.segments = segments
        self.start = start
        self.end = end
        self.new = new
        self.lost = lost
        self.visits = visits
        self.sales = sales
        self.place = place
    }
}

/// One customer's health signals on a date: numbers (tenure in months, interactions, spend,
/// responsiveness, latest CSAT / NPS) and labels (plan).
public struct HealthSignal: Equatable, Sendable {
    public var customerID: String
    public var asOf: Day
    public var segments: [String: String]
    public var numbers: [String: Double]
    public var labels: [String: String]
    public var place: String

    public init(customerID: String, asOf: Day, segments: [String: String] = [:], numbers: [String: Double] = [:],
                labels: [String: String] = [:], place: String = "") {
        self.customerID = customerID
        self.asOf = asOf
        self.segments = segments
        self.numbers = numbers
        self.labels = labels
        self.place = place
    }
}
