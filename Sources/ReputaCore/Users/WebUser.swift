/// Someone who may sign in to `reputa serve`: what they may do (`role`) and where (`locations`).
public struct WebUser: Equatable, Sendable {
    public var name: String
    public var role: UserRole
    /// The locations whose flags they see and work; empty: every location.
    public var locations: [String]
    /// Their language for pages (`it`, `en`); empty: the server's.
    public var lang: String

    public init(name: String, role: UserRole, locations: [String] = [], lang: String = "") {
        self.name = name
        self.role = role
        self.locations = locations
        self.lang = lang
    }

    /// Whether flags at `location` are theirs to see (and, with a role that acts, to work).
    public func covers(location: String) -> Bool {
        locations.isEmpty || locations.contains(location)
    }

    /// Whether they may take on-call steps (acknowledge, assign, comment, resolve, reopen, drafts).
    public var mayAct: Bool { role != .viewer }
}

/// What a user may do: `viewer` reads, `oncall` also works flags, `admin` also works every
/// location's flags unless scoped (users themselves are managed with `reputa users`).
public enum UserRole: String, CaseIterable, Sendable {
    case viewer, oncall, admin
}
