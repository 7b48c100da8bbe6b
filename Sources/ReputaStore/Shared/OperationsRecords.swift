import ReputaCore

/// What `/metrics` reports of the store, read in one transaction: the same figures from every
/// instance that shares it.
public struct StoreGauges: Sendable {
    /// Unresolved flags by level (`urgent`, `high`, `normal`).
    public var unresolvedByLevel: [String: Int] = [:]
    public var overdue = 0
    /// Alerts waiting to go out, and those among them whose last attempt failed.
    public var alertsPending = 0
    public var alertsFailing = 0
    /// Per source, the fetches that failed in a row (0 once one succeeds) and in all.
    public var sourceErrors: [(source: String, consecutive: Int, total: Int)] = []
}

extension SQLStore {
    public func gauges(at now: Timestamp) throws -> StoreGauges {
        try reading { db in
            var g = StoreGauges()
            for row in try db.fetch("SELECT level, COUNT(*) AS n FROM flags WHERE status <> 'resolved' GROUP BY level", []) {
                g.unresolvedByLevel[row["level"]] = row["n"]
            }
            g.overdue = try db.fetchOne("SELECT COUNT(*) AS n FROM flags WHERE status <> 'resolved' AND due_at < ?", now.utcISO)?["n"] ?? 0
            if let row = try db.fetchOne("""
                SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN last_error IS NOT NULL THEN 1 ELSE 0 END), 0) AS failing
                FROM alert_outbox WHERE status = 'pending'
                """) {
                g.alertsPending = row["n"]
                g.alertsFailing = row["failing"]
            }
            g.sourceErrors = try db.fetch("SELECT source, consecutive_errors, error_count FROM source_state ORDER BY source", []).map {
                ($0["source"], $0["consecutive_errors"], $0["error_count"])
            }
            return g
        }
    }
}
