import Foundation
import ReputaCore

/// A review the flagger has not seen in its current content.
public struct FlagCandidate: Sendable {
    public var rowID: Int64
    public var mergeKey: String
    public var contentHash: String
    public var revision: Int
    public var review: Review
    /// Minutes from the review to the public reply (the store's `reply_minutes`).
    public var replyMinutes: Double?
}

/// The flagger's verdict on one candidate, with its deadline when flagged (spike included).
public struct FlagUpdate: Sendable {
    public var candidate: FlagCandidate
    public var decision: FlagDecision?
    public var dueAt: Timestamp?

    public init(candidate: FlagCandidate, decision: FlagDecision?, dueAt: Timestamp?) {
        self.candidate = candidate
        self.decision = decision
        self.dueAt = dueAt
    }
}

/// What one flagging pass changed.
public struct FlagPassCounts: Equatable, Sendable {
    public var evaluated = 0
    public var flagged = 0
    /// Flagged already answered: recorded as resolved by the reply.
    public var flaggedAnswered = 0
    public var updated = 0
    public var reopened = 0
    public var resolvedByReply = 0
    public var resolvedByEdit = 0
    /// New open flags per level.
    public var byLevel: [FlagLevel: Int] = [:]
    /// Nothing was evaluated here: another process holds the flag pass's lease.
    public var leftToAnotherWorker = false

    public init() {}

    public static func + (a: FlagPassCounts, b: FlagPassCounts) -> FlagPassCounts {
        var out = a
        out.evaluated += b.evaluated
        out.flagged += b.flagged
        out.flaggedAnswered += b.flaggedAnswered
        out.updated += b.updated
        out.reopened += b.reopened
        out.resolvedByReply += b.resolvedByReply
        out.resolvedByEdit += b.resolvedByEdit
        out.byLevel.merge(b.byLevel, uniquingKeysWith: +)
        return out
    }
}

/// Which flags to list.
public struct FlagQuery: Sendable {
    public var status: FlagStatus?
    /// Only open or acknowledged flags (what still needs someone).
    public var unresolved = false
    /// Only open or acknowledged flags whose deadline is before this instant.
    public var overdueAt: Timestamp?
    public var level: FlagLevel?
    /// Only flags whose alert went into a backfill summary rather than out on its own.
    public var summarized = false
    /// Only flags at these locations, from these portals, with this topic or category, assigned to
    /// this person ("" for nobody), whose review's title or text holds this text (any case).
    public var locations: [String] = []
    public var portals: [String] = []
    public var topic: String?
    public var category: String?
    public var assignee: String?
    public var search: String?
    /// One page: at most `limit` flags after skipping `offset` (nil: all of them).
    public var limit: Int?
    public var offset = 0

    public init(status: FlagStatus? = nil, overdueAt: Timestamp? = nil, level: FlagLevel? = nil) {
        self.status = status
        self.overdueAt = overdueAt
        self.level = level
    }
}

/// Which flags by status, as `flags --status` and the inbox's filter take it: the stored
/// statuses, `overdue`, `unresolved` (open or acked: the default) and `all`.
public enum FlagStatusFilter: String, CaseIterable, Sendable {
    case unresolved, open, acked, resolved, overdue, all

    /// `query` narrowed to this status at `now`.
    public func apply(to query: inout FlagQuery, now: Timestamp) {
        switch self {
        case .overdue: query.overdueAt = now
        case .unresolved: query.unresolved = true
        case .all: break
        case .open, .acked, .resolved: query.status = FlagStatus(rawValue: rawValue)
        }
    }
}

/// Flags and the on-call workflow, the same on both stores.
extension SQLStore {
    /// Live reviews whose content the flagger has not evaluated, by row id after `afterRowID`,
    /// at most `limit` (a pass reads the store in batches, in bounded memory).
    public func flagCandidates(afterRowID: Int64, limit: Int, ownOnly: Bool) throws -> [FlagCandidate] {
        try reading { db in
            try db.fetch("""
                SELECT r.*, '' AS snapshot_path FROM reviews r LEFT JOIN flag_checks c ON c.merge_key = r.merge_key
                WHERE r.id > ? AND r.deleted_at IS NULL \(ownOnly ? "AND r.competitor = ''" : "")
                  AND (c.content_hash IS NULL OR c.content_hash <> r.content_hash)
                ORDER BY r.id LIMIT ?
                """, afterRowID, limit).map { row in
                FlagCandidate(rowID: row["id"], mergeKey: row["merge_key"], contentHash: row["content_hash"],
                              revision: row["revision"], review: ReviewRecords.storedReview(row).review,
                              replyMinutes: row["reply_minutes"])
            }
        }
    }

    /// Every flagged complaint's location, topics and review time: the spike detector's history.
    public func complaintMarks() throws -> [ComplaintMark] {
        try reading { db in
            try db.fetch("SELECT location, topics, review_created, flagged_at FROM flags").map { row in
                let at: String = row["review_created"] ?? row["flagged_at"]
                return ComplaintMark(location: row["location"], topics: FlagRecords.list(row["topics"]),
                                     at: Timestamp(utcISO: at) ?? Timestamp(epochSeconds: 0))
            }
        }
    }

    /// Writes one batch of verdicts in one transaction: each review's flag goes where
    /// `FlagLifecycle` says from the state read here (new, updated, reopened, resolved by the
    /// public reply or by an edit), with its history event, and the content each review was
    /// evaluated in is recorded. Alerts are queued afterwards, from the flags as they stand
    /// (`queueAlerts`).
    public func recordFlags(_ updates: [FlagUpdate], now: Timestamp) throws -> FlagPassCounts {
        try writing { db in
            var counts = FlagPassCounts()
            let at = now.utcISO
            // The batch's flags as they stand, read at once: one query per review was a tenth of
            // the flag pass on SQLite (`make bench`) and a round trip each on PostgreSQL.
            var states: [String: FlagState] = [:]
            try FlagRecords.chunked(updates.map { $0.candidate.mergeKey }) { keys, marks in
                for row in try db.fetch("SELECT merge_key, id, status, due_at FROM flags WHERE merge_key IN (\(marks))",
                                        keys.map { .text($0) }) {
                    states[row["merge_key"]] = FlagState(id: row["id"], status: FlagStatus(rawValue: row["status"]) ?? .open,
                                                         dueAt: Timestamp(utcISO: row["due_at"]) ?? now)
                }
            }
            var checked: [(key: String, hash: String)] = []
            for update in updates {
                counts.evaluated += 1
                let c = update.candidate
                let current = states[c.mergeKey]
                let replyAt = c.review.replyAt?.utcISO ?? at
                switch FlagLifecycle.transition(current: current, decision: update.decision, dueAt: update.dueAt ?? now,
                                                answered: !c.review.replyText.isEmpty) {
                case .none:
                    break
                case let .open(decision, due, answered):
                    let inserted = try db.fetchOne("""
                        INSERT INTO flags (merge_key, revision, priority, level, reasons, categories, topics, channels,
                                           text_score, location, review_created, flagged_at, due_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open') RETURNING id
                        """, c.mergeKey, c.revision, decision.priority, decision.level.rawValue,
                        FlagRecords.json(decision.reasons), FlagRecords.json(decision.categories),
                        FlagRecords.json(decision.topics), FlagRecords.json(decision.channels), decision.textScore,
                        c.review.location, c.review.createdAt?.utcISO, at, due.utcISO)
                    guard let id: Int64 = inserted?["id"] else {
                        throw StoreError(place: "flags", message: "the new flag of \(c.mergeKey) got no id")
                    }
                    try event(id, at, "flagged", "reputa", "\(decision.level.rawValue), priority \(decision.priority)", db)
                    counts.flagged += 1
                    if answered {
                        try resolveByReply(id: id, c, at: replyAt, db: db)
                        counts.flaggedAnswered += 1
                    } else {
                        counts.byLevel[decision.level, default: 0] += 1
                    }
                case let .revise(id, decision, due, then):
                    try db.execute("""
                        UPDATE flags SET revision = ?, priority = ?, level = ?, reasons = ?, categories = ?, topics = ?,
                               channels = ?, text_score = ?, location = ?, due_at = ? WHERE id = ?
                        """, c.revision, decision.priority, decision.level.rawValue, FlagRecords.json(decision.reasons),
                        FlagRecords.json(decision.categories), FlagRecords.json(decision.topics),
                        FlagRecords.json(decision.channels), decision.textScore, c.review.location, due.utcISO, id)
                    switch then {
                    case .resolvedByReply:
                        try resolveByReply(id: id, c, at: replyAt, db: db)
                        counts.resolvedByReply += 1
                    case .reopened:
                        try db.execute("""
                            UPDATE flags SET status = 'open', resolved_at = NULL, resolution = NULL, response_minutes = NULL
                            WHERE id = ?
                            """, id)
                        try event(id, at, "reopened", "reputa", "the review was edited and still needs an answer", db)
                        counts.reopened += 1
                    case .updated:
                        try event(id, at, "updated", "reputa", "revision \(c.revision): \(decision.level.rawValue), priority \(decision.priority)", db)
                        counts.updated += 1
                    }
                case let .resolve(id, by: .reply):
                    try resolveByReply(id: id, c, at: replyAt, db: db)
                    counts.resolvedByReply += 1
                case let .resolve(id, by: .edited):
                    try db.execute("""
                        UPDATE flags SET status = 'resolved', resolved_at = ?, resolution = 'edited', revision = ? WHERE id = ?
                        """, at, c.revision, id)
                    try event(id, at, "resolved", "reputa", "the review was edited and no longer meets the rules", db)
                    counts.resolvedByEdit += 1
                }
                checked.append((c.mergeKey, c.contentHash))
            }
            // The content each review was evaluated in, many rows a statement.
            var hashes: [String: String] = [:]
            for (key, hash) in checked { hashes[key] = hash } // the last one wins, as row by row
            try FlagRecords.chunked(Array(hashes.keys).sorted()) { keys, _ in
                let rows = Array(repeating: "(?, ?)", count: keys.count).joined(separator: ", ")
                try db.execute("""
                    INSERT INTO flag_checks (merge_key, content_hash) VALUES \(rows)
                    ON CONFLICT (merge_key) DO UPDATE SET content_hash = excluded.content_hash
                    """, keys.flatMap { [SQLValue.text($0), .text(hashes[$0]!)] })
            }
            return counts
        }
    }

    private func resolveByReply(id: Int64, _ c: FlagCandidate, at: String, db: any SQLConnection) throws {
        try db.execute("""
            UPDATE flags SET status = 'resolved', resolved_at = ?, resolution = 'reply', response_minutes = ? WHERE id = ?
            """, at, c.replyMinutes, id)
        let minutes = c.replyMinutes.map { " after \(FlagRecords.duration(minutes: $0))" } ?? ""
        try event(id, at, "resolved", "reputa", "the business replied publicly\(minutes)", db)
    }

    func event(_ id: Int64, _ at: String, _ action: String, _ actor: String, _ note: String,
                       _ db: any SQLConnection) throws {
        try db.execute("INSERT INTO flag_events (flag_id, at, action, actor, note) VALUES (?, ?, ?, ?, ?)",
                       id, at, action, actor, note)
    }

    // MARK: Reading

    /// Flags most urgent first: unresolved before resolved, then by priority, deadline, the
    /// review's time (the longer waiting first, none last) and its key. Not by flag number:
    /// numbers follow the order concurrent fetches happened to finish, and many flags share a
    /// deadline (the next opening hour), so two runs over the same data listed them differently.
    public func flags(_ query: FlagQuery) throws -> [FlaggedReview] {
        try reading { db in try FlagRecords.flags(query, db) }
    }

    /// One page of the queue, how many flags match (counted up to `cap`) and the users, in one
    /// read transaction: what the inbox's queue page reads (one round trip on PostgreSQL, not three).
    public func queuePage(_ query: FlagQuery, countUpTo cap: Int?) throws -> (flags: [FlaggedReview], total: Int, users: [WebUser]) {
        try reading { db in
            (try FlagRecords.flags(query, db), try FlagRecords.count(query, upTo: cap, db), try UserRecords.users(db))
        }
    }

    /// Unresolved (open or acknowledged) flags of `level` or above: `flags --fail-on`.
    public func unresolvedFlagCount(atLeast level: FlagLevel) throws -> Int {
        let levels = FlagLevel.allCases.filter { $0 >= level }.map(\.rawValue)
        return try reading { db in
            try db.fetch("""
                SELECT COUNT(*) AS n FROM flags WHERE status <> 'resolved' AND level IN (\(levels.map { _ in "?" }.joined(separator: ",")))
                """, levels.map(\.sqlValue)).first?["n"] ?? 0
        }
    }

    /// One flag by its number, nil when there is none.
    public func flag(id: Int64) throws -> FlaggedReview? {
        try reading { db in
            try db.fetchOne("""
                SELECT \(FlagRecords.flagColumns) FROM flags f JOIN reviews r ON r.merge_key = f.merge_key WHERE f.id = ?
                """, id).map(FlagRecords.flag)
        }
    }

    public func flagEvents(id: Int64) throws -> [FlagEvent] {
        try reading { db in
            try db.fetch("SELECT at, action, actor, note FROM flag_events WHERE flag_id = ? ORDER BY id", id).map {
                FlagEvent(at: Timestamp(utcISO: $0["at"]) ?? Timestamp(epochSeconds: 0), action: $0["action"], by: $0["actor"],
                          note: $0["note"])
            }
        }
    }

    /// A step of the on-call workflow on flag `id`: `ack` (by), `assign` (to), `resolve` (note),
    /// `comment` (note), `reopen` (note). False when there is no such flag. Acknowledging a
    /// resolved flag, or reopening one that is not resolved, changes nothing but the history;
    /// resolving one already resolved keeps the first resolution.
    public func updateFlag(id: Int64, action: FlagAction, actor: String, at now: Timestamp) throws -> Bool {
        try writing { db in
            guard let row = try db.fetchOne("SELECT status FROM flags WHERE id = ?", id) else { return false }
            let status: String = row["status"]
            let at = now.utcISO
            switch action {
            case .ack:
                if status == "open" {
                    try db.execute("UPDATE flags SET status = 'acked', acked_by = ?, acked_at = ? WHERE id = ?", actor, at, id)
                }
                try event(id, at, "acked", actor, status == "open" ? "" : "already \(status)", db)
            case let .assign(to):
                try db.execute("UPDATE flags SET assignee = ? WHERE id = ?", to, id)
                try event(id, at, "assigned", actor, "to \(to)", db)
            case let .resolve(note):
                if status != "resolved" {
                    try db.execute("""
                        UPDATE flags SET status = 'resolved', resolved_at = ?, resolution = 'manual', note = ? WHERE id = ?
                        """, at, note, id)
                }
                try event(id, at, "resolved", actor, status == "resolved" ? "already resolved; \(note)" : note, db)
            case let .comment(note):
                try event(id, at, "commented", actor, note, db)
            case let .reopen(note):
                if status == "resolved" {
                    try db.execute("""
                        UPDATE flags SET status = 'open', resolved_at = NULL, resolution = NULL, response_minutes = NULL, note = NULL
                        WHERE id = ?
                        """, id)
                }
                try event(id, at, "reopened", actor, status == "resolved" ? note : "not resolved (\(status)); \(note)", db)
            }
            return true
        }
    }
}

/// The flag logic's pieces that need no store: columns, decoding, JSON lists, durations.
enum FlagRecords {
    static let flagColumns = """
        f.id AS flag_id, f.revision AS flag_revision, f.priority, f.level, f.reasons, f.categories, f.topics, f.channels,
        f.text_score, f.flagged_at, f.due_at, f.status, f.assignee, f.acked_by, f.acked_at, f.resolved_at, f.resolution,
        f.note, f.response_minutes, r.*, '' AS snapshot_path
        """

    static func flag(_ row: SQLRecord) -> FlaggedReview {
        let decision = FlagDecision(priority: row["priority"], level: FlagLevel(rawValue: row["level"]) ?? .normal,
                                    reasons: list(row["reasons"]), categories: list(row["categories"]),
                                    topics: list(row["topics"]), channels: list(row["channels"]), textScore: row["text_score"])
        func stamp(_ column: String) -> Timestamp? { (row[column] as String?).flatMap(Timestamp.init(utcISO:)) }
        return FlaggedReview(id: row["flag_id"], review: ReviewRecords.storedReview(row).review, revision: row["flag_revision"], decision: decision,
                    flaggedAt: stamp("flagged_at") ?? Timestamp(epochSeconds: 0),
                    dueAt: stamp("due_at") ?? Timestamp(epochSeconds: 0),
                    status: FlagStatus(rawValue: row["status"]) ?? .open, assignee: row["assignee"], ackedBy: row["acked_by"],
                    ackedAt: stamp("acked_at"), resolvedAt: stamp("resolved_at"), resolution: row["resolution"],
                    note: row["note"], responseMinutes: row["response_minutes"])
    }

    /// Flags most urgent first (see `SQLStore.flags`). The ORDER BY is the index flags_queue's
    /// (v14), so a page of a long queue is read off it.
    static func flags(_ query: FlagQuery, _ db: any SQLConnection) throws -> [FlaggedReview] {
        var (whereSQL, arguments) = filter(query)
        var page = ""
        if let limit = query.limit {
            page = "LIMIT ? OFFSET ?"
            arguments += [limit.sqlValue, query.offset.sqlValue]
        }
        return try db.fetch("""
            SELECT \(flagColumns) FROM flags f JOIN reviews r ON r.merge_key = f.merge_key \(whereSQL)
            ORDER BY f.status = 'resolved', f.priority DESC, f.due_at, COALESCE(f.review_created, '9999'), f.merge_key \(page)
            """, arguments).map(flag)
    }

    /// The reviews are joined only when a filter reads them (location, portal, text): counting 100,000
    /// flags through the join took five times as long as counting them alone.
    static func count(_ query: FlagQuery, upTo cap: Int?, _ db: any SQLConnection) throws -> Int {
        var (whereSQL, arguments) = filter(query)
        let join = query.portals.isEmpty && query.locations.isEmpty && (query.search ?? "").isEmpty ? ""
            : "JOIN reviews r ON r.merge_key = f.merge_key"
        var sql = "SELECT 1 FROM flags f \(join) \(whereSQL)"
        if let cap {
            sql += " LIMIT ?"
            arguments.append((cap + 1).sqlValue)
        }
        return try db.fetch("SELECT COUNT(*) AS n FROM (\(sql)) counted", arguments).first?["n"] ?? 0
    }

    /// The WHERE clause of `query` (empty when it filters nothing) and its arguments.
    static func filter(_ query: FlagQuery) -> (String, [SQLValue]) {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        if let status = query.status { clauses.append("f.status = ?"); arguments.append(status.rawValue.sqlValue) }
        if query.unresolved { clauses.append("f.status <> 'resolved'") }
        if !query.locations.isEmpty {
            // The review's location (what every list shows and the inbox checks), not the copy the
            // flag took when it was made: an import can correct a review's location in place.
            clauses.append("r.location IN (\(query.locations.map { _ in "?" }.joined(separator: ", ")))")
            arguments += query.locations.map { $0.sqlValue }
        }
        if !query.portals.isEmpty {
            clauses.append("r.portal IN (\(query.portals.map { _ in "?" }.joined(separator: ", ")))")
            arguments += query.portals.map { $0.sqlValue }
        }
        // Lists are stored as JSON arrays of strings: an item is the quoted text between delimiters.
        if let topic = query.topic { clauses.append("f.topics LIKE ? ESCAPE '\\'"); arguments.append(FlagRecords.listItemPattern(topic).sqlValue) }
        if let category = query.category {
            clauses.append("f.categories LIKE ? ESCAPE '\\'")
            arguments.append(FlagRecords.listItemPattern(category).sqlValue)
        }
        if let assignee = query.assignee {
            clauses.append(assignee.isEmpty ? "(f.assignee IS NULL OR f.assignee = '')" : "f.assignee = ?")
            if !assignee.isEmpty { arguments.append(assignee.sqlValue) }
        }
        if let search = query.search, !search.isEmpty {
            clauses.append("(LOWER(r.title) LIKE ? ESCAPE '\\' OR LOWER(r.text) LIKE ? ESCAPE '\\')")
            // LOWER lowers ASCII letters only, on SQLite and under PostgreSQL's "C" collation: so does the pattern.
            let pattern = "%" + FlagRecords.likeEscaped(FlagRecords.asciiLowercased(search)) + "%"
            arguments += [pattern.sqlValue, pattern.sqlValue]
        }
        if let level = query.level { clauses.append("f.level = ?"); arguments.append(level.rawValue.sqlValue) }
        if let overdue = query.overdueAt {
            clauses.append("f.status <> 'resolved' AND f.due_at < ?")
            arguments.append(overdue.utcISO.sqlValue)
        }
        if query.summarized {
            clauses.append("EXISTS (SELECT 1 FROM alert_outbox o WHERE o.merge_key = f.merge_key AND o.batch LIKE ?)")
            arguments.append((OutboxAlert.summaryPrefix + "%").sqlValue)
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// A JSON array of strings (RFC 8259: `"` and `\\` escaped, control characters as `\\u00XX`).
    /// Written by hand: JSONEncoder, three lists per flag, was 3 % of the flag pass (`perf`,
    /// `make bench`); `list` reads it back with JSONDecoder, and a test checks the round trip.
    /// `body` for each slice of `values`, at most 400 a statement (two parameters each at most),
    /// with the slice's `?, ?, …`: under SQLite's and PostgreSQL's parameter limits.
    static func chunked(_ values: [String], _ body: (ArraySlice<String>, String) throws -> Void) throws {
        var start = 0
        while start < values.count {
            let slice = values[start..<min(values.count, start + 400)]
            try body(slice, Array(repeating: "?", count: slice.count).joined(separator: ", "))
            start += slice.count
        }
    }

    /// `text` for a LIKE pattern: `%`, `_` and the escape character itself taken literally.
    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }

    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A LIKE pattern matching a JSON list (`json`) that holds `item`.
    static func listItemPattern(_ item: String) -> String {
        let quoted = json([item]).dropFirst().dropLast() // "item", escaped as stored
        return "%" + likeEscaped(String(quoted)) + "%"
    }

    static func json(_ list: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (n, item) in list.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            for byte in item.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    out += [UInt8(ascii: "\\"), byte]
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                default:
                    out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func list(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }

    static func duration(minutes: Double) -> String {
        let m = Int(minutes.rounded())
        if m < 60 { return "\(m) min" }
        if m < 48 * 60 { return "\(m / 60) h \(m % 60) min" }
        return "\(m / 1440) days \(m % 1440 / 60) h"
    }
}

/// A step of the on-call workflow.
public enum FlagAction: Sendable {
    case ack
    case assign(to: String)
    case resolve(note: String)
    /// A note in the history; the flag's state does not change.
    case comment(note: String)
    /// A resolved flag needs an answer again: open, its resolution cleared.
    case reopen(note: String)
}
