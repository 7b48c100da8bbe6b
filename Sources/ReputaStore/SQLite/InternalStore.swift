import Foundation
import GRDB
import ReputaCore

/// Survey answers, tickets, customer periods and health signals: written one payload per
/// transaction with its snapshot and ledger row, like reviews, and read back as plain values
/// for the metrics engine.
extension SQLiteStore {
    /// Writes one parsed internal payload. A row already held (same source and id) is
    /// replaced when its content changed and left alone otherwise.
    public func importInternal(_ batch: InternalBatch, snapshot: SnapshotArchive.Snapshot, origin: String,
                               descriptor: SourceDescriptor, importedAt: Timestamp) throws -> ImportCounts {
        try write { db in
            try Self.applyInternal(batch, snapshot: snapshot, origin: origin, descriptor: descriptor, importedAt: importedAt, in: db)
        }
    }

    /// Forgets everything `source` imported and imports its snapshots again, oldest first, in
    /// one transaction: a snapshot that no longer parses leaves the source as it was.
    public func rebuildInternal(source: String, payloads: [StoredSnapshot], importedAt: Timestamp,
                                parse: (StoredSnapshot) throws -> InternalBatch) throws -> ImportCounts {
        try write { db in
            for table in ["survey_answers", "tickets", "customer_periods", "health_signals", "imports"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE source = ?", arguments: [source])
            }
            var total = ImportCounts()
            for stored in payloads {
                total = total + (try Self.applyInternal(try parse(stored), snapshot: stored.snapshot, origin: stored.origin,
                                                        descriptor: stored.descriptor, importedAt: importedAt, in: db))
            }
            return total
        }
    }

    static func applyInternal(_ batch: InternalBatch, snapshot: SnapshotArchive.Snapshot, origin: String,
                              descriptor: SourceDescriptor, importedAt: Timestamp, in db: Database) throws -> ImportCounts {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM imports WHERE source = ? AND sha256 = ?",
                             arguments: [descriptor.name, snapshot.sha256]) ?? false {
            var counts = ImportCounts()
            counts.alreadyImported = true
            return counts
        }
        let snapshotID = try Self.snapshotRow(snapshot, origin: origin, in: db)
        var counts = ImportCounts()
        counts.skipped = batch.skipped.count
        let source = descriptor.name
        func upsert(_ table: String, key: [String: DatabaseValueConvertible?], values: [String: DatabaseValueConvertible?]) throws {
            let hash = StableHash.hex(values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value?.databaseValue.description ?? "null")" })
            let keyColumns = ["source"] + key.keys.sorted()
            let keyArgs: [DatabaseValueConvertible?] = [source] + key.keys.sorted().map { key[$0]! }
            let held = try String.fetchOne(db, sql: "SELECT content_hash FROM \(table) WHERE "
                + keyColumns.map { "\($0) = ?" }.joined(separator: " AND "), arguments: StatementArguments(keyArgs))
            if held == hash { counts.unchanged += 1; return }
            if held == nil { counts.new += 1 } else { counts.updated += 1 }
            let columns = keyColumns + values.keys.sorted() + ["content_hash", "snapshot_id"]
            let args: [DatabaseValueConvertible?] = keyArgs + values.keys.sorted().map { values[$0]! } + [hash, snapshotID]
            try db.execute(sql: "INSERT OR REPLACE INTO \(table) (\(columns.joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")", arguments: StatementArguments(args))
        }
        for a in batch.answers {
            try upsert("survey_answers", key: ["response_id": a.responseID, "question": a.question], values: [
                "metric": a.metric.rawValue, "scale": a.scale.description, "score": a.score,
                "submitted_at": a.submittedAt.utcISO, "submitted_epoch": a.submittedAt.epochSeconds,
                "comment": a.comment, "segments": Self.json(a.segments)])
        }
        for t in batch.tickets {
            try upsert("tickets", key: ["ticket_id": t.id], values: [
                "created_at": t.createdAt.utcISO, "created_epoch": t.createdAt.epochSeconds,
                "first_reply_min": t.firstReply.calendar, "first_reply_business_min": t.firstReply.business,
                "first_assign_min": t.firstAssign.calendar, "first_assign_business_min": t.firstAssign.business,
                "resolution_min": t.resolution.calendar, "resolution_business_min": t.resolution.business,
                "solved": t.solved, "reopens": t.reopens, "replies": t.replies, "segments": Self.json(t.segments)])
        }
        for p in batch.periods {
            try upsert("customer_periods", key: ["first_day": p.first.description, "last_day": p.last.description,
                                                 "segments": Self.json(p.segments)], values: [
                "start_count": p.start, "end_count": p.end, "new_count": p.new, "lost_count": p.lost,
                "visits": p.visits, "sales": p.sales])
        }
        for h in batch.health {
            try upsert("health_signals", key: ["customer_id": h.customerID, "as_of": h.asOf.description], values: [
                "segments": Self.json(h.segments), "numbers": Self.json(h.numbers), "labels": Self.json(h.labels)])
        }
        try Self.recordImport(snapshot, snapshotID: snapshotID, descriptor: descriptor, importedAt: importedAt,
                              counts: counts, in: db)
        return counts
    }

    static func json<V>(_ object: [String: V]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func dictionary<V>(_ text: String) -> [String: V] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: V] ?? [:]
    }

    /// Segments objects decoded once per distinct text: rows of one export share a handful.
    struct SegmentCache {
        var known: [String: [String: String]] = [:]
        mutating func decode(_ text: String) -> [String: String] {
            if let hit = known[text] { return hit }
            let value: [String: String] = SQLiteStore.dictionary(text)
            if known.count < 100_000 { known[text] = value }
            return value
        }
    }

    /// `AND <column> >= from AND <column> < before` for the bounds given.
    static func epochWindow(_ column: String, from: Int64?, before: Int64?) -> (sql: String, arguments: StatementArguments) {
        var sql = "", arguments = StatementArguments()
        if let from { sql += " AND \(column) >= ?"; arguments += [from] }
        if let before { sql += " AND \(column) < ?"; arguments += [before] }
        return (sql, arguments)
    }

    /// The stored survey answers (offered-but-unanswered ones included, `score == nil`),
    /// submitted in `from ..< before` (epoch seconds) when bounds are given.
    ///
    /// Read by column position, with each distinct segments object, metric and scale decoded
    /// once: a 12-week window of a 200 000-response store is 50 000 rows, and decoding JSON
    /// and looking columns up by name per row was most of the weekly comparison (perf, `make
    /// bench`, issue 5).
    public func surveyAnswers(from: Int64? = nil, before: Int64? = nil) throws -> [SurveyAnswer] {
        let window = Self.epochWindow("submitted_epoch", from: from, before: before)
        return try read { db in
            var segments = SegmentCache()
            var scales: [String: SurveyScale] = [:]
            var out: [SurveyAnswer] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT response_id, question, metric, scale, score, submitted_epoch, comment, segments, source
                FROM survey_answers WHERE 1\(window.sql) ORDER BY submitted_epoch, source, response_id, question
                """, arguments: window.arguments)
            while let r = try rows.next() {
                let scaleText: String = r[3]
                guard let metric = SurveyMetric(rawValue: r[2]) else { continue }
                let scale: SurveyScale
                if let known = scales[scaleText] { scale = known } else {
                    guard let parsed = SurveyScale(parsing: scaleText) else { continue }
                    scales[scaleText] = parsed
                    scale = parsed
                }
                out.append(SurveyAnswer(responseID: r[0], question: r[1], metric: metric, scale: scale, score: r[4],
                                        submittedAt: Timestamp(epochSeconds: r[5]), comment: r[6],
                                        segments: segments.decode(r[7]), place: r[8]))
            }
            return out
        }
    }

    /// The stored tickets, created in `from ..< before` (epoch seconds) when bounds are given.
    public func tickets(from: Int64? = nil, before: Int64? = nil) throws -> [Ticket] {
        let window = Self.epochWindow("created_epoch", from: from, before: before)
        return try read { db in
            var segments = SegmentCache()
            return try Row.fetchAll(db, sql: "SELECT * FROM tickets WHERE 1\(window.sql) ORDER BY created_epoch, source, ticket_id",
                                    arguments: window.arguments).map { r in
                Ticket(id: r["ticket_id"], createdAt: Timestamp(epochSeconds: r["created_epoch"]),
                       firstReply: Elapsed(calendar: r["first_reply_min"], business: r["first_reply_business_min"]),
                       firstAssign: Elapsed(calendar: r["first_assign_min"], business: r["first_assign_business_min"]),
                       resolution: Elapsed(calendar: r["resolution_min"], business: r["resolution_business_min"]),
                       solved: r["solved"], reopens: r["reopens"], replies: r["replies"],
                       segments: segments.decode(r["segments"]), place: r["source"])
            }
        }
    }

    public func customerPeriods() throws -> [CustomerPeriod] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM customer_periods ORDER BY first_day, source").compactMap { r in
                guard let first = Day(r["first_day"] as String), let last = Day(r["last_day"] as String) else { return nil }
                return CustomerPeriod(first: first, last: last, segments: Self.dictionary(r["segments"]),
                                      start: r["start_count"], end: r["end_count"], new: r["new_count"], lost: r["lost_count"],
                                      visits: r["visits"], sales: r["sales"], place: r["source"])
            }
        }
    }

    public func healthSignals() throws -> [HealthSignal] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM health_signals ORDER BY as_of, source, customer_id").compactMap { r in
                guard let day = Day(r["as_of"] as String) else { return nil }
                return HealthSignal(customerID: r["customer_id"], asOf: day, segments: Self.dictionary(r["segments"]),
                                    numbers: Self.dictionary(r["numbers"]), labels: Self.dictionary(r["labels"]),
                                    place: r["source"])
            }
        }
    }
}
