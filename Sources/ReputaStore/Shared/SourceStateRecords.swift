import Foundation
import ReputaCore

/// Conditional-GET validators of one URL.
public struct HTTPValidators: Sendable, Equatable {
    public var url: String
    public var etag: String?
    public var lastModified: String?

    public init(url: String, etag: String?, lastModified: String?) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// One source's fetch history and what the portal says about its own size.
public struct SourceState: Sendable, Equatable {
    public var source: String
    public var lastAttemptAt: String?
    public var lastSuccessAt: String?
    public var lastError: String?
    public var lastErrorAt: String?
    public var consecutiveErrors: Int
    public var errorCount: Int
    public var nextCheckAt: String?
    public var portalTotal: Int?
    public var routeCap: Int?
}

/// How one fetch of a source ended, for `source_state`.
public enum AttemptOutcome: Sendable {
    case success(portalTotal: Int?, routeCap: Int?)
    /// `retryAfter`: do not poll before this many seconds from the attempt.
    case failure(message: String, retryAfter: Int?)
}

/// How much of one source the store holds.
public struct SourceHoldings: Sendable, Equatable {
    public var source: String
    public var reviews: Int
    public var earliest: String?
    public var latest: String?
}

extension SQLStore {
    public func validators(source: String, url: String) throws -> HTTPValidators? {
        try reading { db in
            try db.fetchOne("SELECT etag, last_modified FROM http_validators WHERE source = ? AND url = ?", source, url).map {
                HTTPValidators(url: url, etag: $0["etag"], lastModified: $0["last_modified"])
            }
        }
    }

    /// Saves validators on their own (a 304, or bytes already in the ledger).
    public func saveValidators(_ v: HTTPValidators, source: String, at: Timestamp) throws {
        try writing { db in try SourceStateRecords.saveValidators(v, source: source, at: at, in: db) }
    }

    public func recordAttempt(source: String, at: Timestamp, outcome: AttemptOutcome) throws {
        try writing { db in
            try db.execute("INSERT INTO source_state (source) VALUES (?) ON CONFLICT (source) DO NOTHING", source)
            switch outcome {
            case let .success(total, cap):
                try db.execute("""
                    UPDATE source_state SET last_attempt_at = ?1, last_success_at = ?1, consecutive_errors = 0,
                        next_check_at = NULL,
                        portal_total = COALESCE(?2, portal_total),
                        portal_total_at = CASE WHEN ?2 IS NULL THEN portal_total_at ELSE ?1 END,
                        route_cap = COALESCE(?3, route_cap)
                    WHERE source = ?4
                    """, at.utcISO, total, cap, source)
            case let .failure(message, retryAfter):
                let next = retryAfter.map { Timestamp(epochSeconds: at.epochSeconds + Int64($0)).utcISO }
                try db.execute("""
                    UPDATE source_state SET last_attempt_at = ?1, last_error = ?2, last_error_at = ?1,
                        consecutive_errors = consecutive_errors + 1, error_count = error_count + 1,
                        next_check_at = ?3
                    WHERE source = ?4
                    """, at.utcISO, URLRedaction.scrub(message), next, source)
            }
        }
    }

    /// Claims the telling of `source`'s quiet spell: true when nobody had told it yet (this
    /// caller sends the alert, then keeps the claim, or `releaseQuietAlert` when it failed), false
    /// when it was already told (by this worker or another).
    public func claimQuietAlert(source: String, at: Timestamp) throws -> Bool {
        try writing { db in
            try db.execute("INSERT INTO source_state (source) VALUES (?) ON CONFLICT (source) DO NOTHING", source)
            return try db.execute("UPDATE source_state SET quiet_alerted_at = ? WHERE source = ? AND quiet_alerted_at IS NULL",
                                  at.utcISO, source) == 1
        }
    }

    /// Gives a claim back (the alert was not delivered), so the next cycle tries again.
    public func releaseQuietAlert(source: String) throws {
        try writing { db in _ = try db.execute("UPDATE source_state SET quiet_alerted_at = NULL WHERE source = ?", source) }
    }

    /// Forgets the told spells of sources that are no longer quiet, so a later spell is told again.
    public func clearQuietAlerts(keeping quiet: [String]) throws {
        try writing { db in
            let told = try db.fetch("SELECT source FROM source_state WHERE quiet_alerted_at IS NOT NULL", []).compactMap { $0["source"] as String? }
            for source in told where !quiet.contains(source) {
                _ = try db.execute("UPDATE source_state SET quiet_alerted_at = NULL WHERE source = ?", source)
            }
        }
    }

    public func sourceState(_ source: String) throws -> SourceState? {
        try reading { db in try db.fetchOne("SELECT * FROM source_state WHERE source = ?", source).map(SourceStateRecords.state) }
    }

    public func sourceStates() throws -> [SourceState] {
        try reading { db in try db.fetch("SELECT * FROM source_state ORDER BY source").map(SourceStateRecords.state) }
    }

    /// Live (not tombstoned) reviews per source with their earliest and latest dates. A
    /// review delivered by several sources (`review_routes`) counts for each of them. For
    /// survey, helpdesk and customer sources, `reviews` counts their records.
    public func holdings() throws -> [String: SourceHoldings] {
        try reading { db in
            var out: [String: SourceHoldings] = [:]
            for row in try db.fetch("""
                SELECT source, COUNT(*) AS n, MIN(created_at) AS first, MAX(created_at) AS last FROM (
                    SELECT source, created_at FROM reviews WHERE deleted_at IS NULL
                    UNION ALL
                    SELECT rr.source, r.created_at FROM review_routes rr JOIN reviews r ON r.id = rr.review_id
                    WHERE r.deleted_at IS NULL
                ) AS held GROUP BY source
                """) {
                let source: String = row["source"]
                out[source] = SourceHoldings(source: source, reviews: row["n"], earliest: row["first"], latest: row["last"])
            }
            // Survey, helpdesk and customer sources: their records, by the date each is about.
            for row in try db.fetch("""
                SELECT source, COUNT(*) AS n, MIN(d) AS first, MAX(d) AS last FROM (
                    SELECT source, submitted_at AS d FROM survey_answers
                    UNION ALL SELECT source, created_at FROM tickets
                    UNION ALL SELECT source, first_day FROM customer_periods
                    UNION ALL SELECT source, as_of FROM health_signals
                ) AS held GROUP BY source
                """) {
                let source: String = row["source"]
                out[source] = SourceHoldings(source: source, reviews: row["n"], earliest: row["first"], latest: row["last"])
            }
            return out
        }
    }
}

/// The parts of the source-state logic that also run inside another transaction (an import).
enum SourceStateRecords {
    static func saveValidators(_ v: HTTPValidators, source: String, at: Timestamp, in db: any SQLConnection) throws {
        try db.execute("""
            INSERT INTO http_validators (source, url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (source, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                checked_at = excluded.checked_at
            """, source, v.url, v.etag, v.lastModified, at.utcISO)
    }

    static func state(_ r: SQLRecord) -> SourceState {
        SourceState(source: r["source"], lastAttemptAt: r["last_attempt_at"], lastSuccessAt: r["last_success_at"],
                    lastError: (r["last_error"] as String?).map(URLRedaction.scrub), lastErrorAt: r["last_error_at"], consecutiveErrors: r["consecutive_errors"],
                    errorCount: r["error_count"], nextCheckAt: r["next_check_at"], portalTotal: r["portal_total"],
                    routeCap: r["route_cap"])
    }
}
