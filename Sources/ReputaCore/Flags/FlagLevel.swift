/// How soon a flagged review needs an answer: `urgent` wakes someone up, `high` is answered
/// within the working day, `normal` within the SLA of ordinary complaints.
public enum FlagLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case normal
    case high
    case urgent

    public static func < (a: FlagLevel, b: FlagLevel) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .normal: return 0
        case .high: return 1
        case .urgent: return 2
        }
    }
}

/// Where a flag is in the on-call workflow. `overdue` is not stored: it is an open or
/// acknowledged flag whose deadline has passed.
public enum FlagStatus: String, Sendable, Codable, CaseIterable {
    case open
    case acked
    case resolved
}
