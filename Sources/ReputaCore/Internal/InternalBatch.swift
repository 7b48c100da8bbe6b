/// What an importer of internal data (surveys, helpdesk, customer counts) read from one
/// payload. These files are read whole: survey and helpdesk exports are thousands of rows,
/// not millions.
public struct InternalBatch: Sendable {
    public var answers: [SurveyAnswer] = []
    public var tickets: [Ticket] = []
    public var periods: [CustomerPeriod] = []
    public var health: [HealthSignal] = []
    public var skipped: [RowProblem] = []
    public var warnings: [RowProblem] = []

    public init() {}

    public var recordCount: Int { answers.count + tickets.count + periods.count + health.count }
}
