/// Where a stored flag stands when a new revision of its review is evaluated.
public struct FlagState: Equatable, Sendable {
    public var id: Int64
    public var status: FlagStatus
    public var dueAt: Timestamp

    public init(id: Int64, status: FlagStatus, dueAt: Timestamp) {
        self.id = id
        self.status = status
        self.dueAt = dueAt
    }
}

/// What one evaluation of a review's current content does to its flag. The store writes it as
/// it is (with the history event it names); it decides nothing itself.
public enum FlagTransition: Equatable, Sendable {
    /// No flag, and none needed (or the flag is already resolved and stays so).
    case none
    /// Flagged for the first time; when the business had already replied (`answered`), the flag
    /// is recorded and resolved by that reply at once.
    case open(FlagDecision, dueAt: Timestamp, answered: Bool)
    /// Still flagged after an edit: the decision is replaced, the deadline moves only earlier,
    /// and the flag is then updated, reopened (it was resolved and still needs an answer) or
    /// resolved by the reply that came with the edit.
    case revise(id: Int64, FlagDecision, dueAt: Timestamp, then: Revision)
    /// The review no longer needs an answer: resolved by the public reply, or by an edit that no
    /// longer meets the rules.
    case resolve(id: Int64, by: Resolution)

    public enum Revision: Equatable, Sendable {
        case updated, reopened, resolvedByReply
    }

    public enum Resolution: String, Equatable, Sendable {
        case reply, edited
    }
}

/// The flag lifecycle, in one place: new, edited, a worse (or still bad) edit reopens, the
/// public reply resolves, an edit that no longer meets the rules resolves, and the deadline
/// never moves later. Pure: given the stored state (nil when the review was never flagged),
/// the flagger's decision on the new content (nil when it needs no answer), the deadline of
/// that decision (`Flagger.deadline`, spike included by the caller) and whether the business
/// has replied, it says what happens. Alerts are not decided here: every flag left unresolved
/// is owed one per routed channel and revision (`SQLStore.queueAlerts`).
public enum FlagLifecycle {
    public static func transition(current: FlagState?, decision: FlagDecision?, dueAt: Timestamp,
                                  answered: Bool) -> FlagTransition {
        guard let decision else {
            guard let current, current.status != .resolved else { return .none }
            return .resolve(id: current.id, by: answered ? .reply : .edited)
        }
        guard let current else { return .open(decision, dueAt: dueAt, answered: answered) }
        let due = min(current.dueAt, dueAt)
        if answered, current.status != .resolved {
            return .revise(id: current.id, decision, dueAt: due, then: .resolvedByReply)
        }
        if !answered, current.status == .resolved {
            return .revise(id: current.id, decision, dueAt: due, then: .reopened)
        }
        return .revise(id: current.id, decision, dueAt: due, then: .updated)
    }
}
