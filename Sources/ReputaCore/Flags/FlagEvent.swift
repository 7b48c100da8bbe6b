/// One step in a flag's history, for `reputa flags show`.
public struct FlagEvent: Equatable, Sendable {
    public var at: Timestamp
    /// `flagged`, `updated`, `acked`, `assigned`, `resolved`, `reopened`.
    public var action: String
    public var by: String
    public var note: String

    public init(at: Timestamp, action: String, by: String, note: String) {
        self.at = at
        self.action = action
        self.by = by
        self.note = note
    }
}
