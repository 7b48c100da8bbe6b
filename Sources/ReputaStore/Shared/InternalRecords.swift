import Foundation
import ReputaCore

/// Survey answers, tickets, customer periods and health signals: written one payload per
/// transaction with its snapshot and ledger row, like reviews, and read back as plain values
/// for the metrics engine. The same on both stores.
extension SQLStore {
    /// Writes one parsed internal payload. A row already held (same source and id) is
    /// replaced when its content changed and left alone otherwise.
    public func importInternal(_ batch: InternalBatch, snapshot: SnapshotArchive.Snapshot, origin: String,
                               descriptor: SourceDescriptor, importedAt: Timestamp) throws -> ImportCounts {
        try writing { db in
            try InternalRecords.apply(batch, snapshot: snapshot, origin: origin, descriptor: descriptor,
                                      importedAt: importedAt, in: db)
        }
    }

    /// Forgets everything `source` imported and imports its snapshots again, oldest first, in
    /// one transaction: a snapshot that no longer parses leaves the source as it was.
    public func rebuildInternal(source: String, payloads: [StoredSnapshot], importedAt: Timestamp,
                                parse: (StoredSnapshot) throws -> InternalBatch) throws -> ImportCounts {
        try writing { db in
            for table in InternalRecords.tables + ["imports"] {
                try db.execute("DELETE FROM \(table) WHERE source = ?", source)
            }
            var total = ImportCounts()
            for stored in payloads {
                total = total + (try InternalRecords.apply(try parse(stored), snapshot: stored.snapshot, origin: stored.origin,
                                                           descriptor: stored.descriptor, importedAt: importedAt, in: db))
            }
            return total
        }
    }

    /// The stored survey answers (offered-but-unanswered ones included, `score == nil`),
    /// submitted in `from ..< before` (epoch seconds) when bounds are given.
    ///
    /// Read by column position, with each distinct segments object, metric and scale decoded
    /// once: a 12-week window of a 200 000-response store is 50 000 rows, and decoding JSON
    /// and looking columns up by name per row was most of the weekly comparison (perf, `make
    /// bench`, issue 5).
    public func surveyAnswers(from: Int64? = nil, before: Int64? = nil) throws -> [SurveyAnswer] {
        let window = InternalRecords.epochWindow("submitted_epoch", from: from, before: before)
        return try reading { db in
            var segments = InternalRecords.SegmentCache()
            var scales: [String: SurveyScale] = [:]
            var out: [SurveyAnswer] = []
            try db.each("""
                SELECT response_id, question, metric, scale, score, submitted_epoch, comment, segments, source
                FROM survey_answers WHERE 1 = 1\(window.sql) ORDER BY submitted_epoch, source, response_id, question
                """, window.values) { r in
                guard let scaleText: String = r[3], let metricText: String = r[2],
                      let metric = SurveyMetric(rawValue: metricText) else { return }
                let scale: SurveyScale
                if let known = scales[scaleText] { scale = known } else {
                    guard let parsed = SurveyScale(parsing: scaleText) else { return }
                    scales[scaleText] = parsed
                    scale = parsed
                }
                out.append(SurveyAnswer(responseID: r[0] ?? "", question: r[1] ?? "", metric: metric, scale: scale,
                                        score: r[4], submittedAt: Timestamp(epochSeconds: r[5] ?? 0), comment: r[6] ?? "",
                                        segments: segments.decode(r[7] ?? "{}"), place: r[8] ?? ""))
            }
            return out
        }
    }

    /// The stored tickets, created in `from ..< before` (epoch seconds) when bounds are given.
    public func tickets(from: Int64? = nil, before: Int64? = nil) throws -> [Ticket] {
        let window = InternalRecords.epochWindow("created_epoch", from: from, before: before)
        return try reading { db in
            var segments = InternalRecords.SegmentCache()
            return try db.fetch("SELECT * FROM tickets WHERE 1 = 1\(window.sql) ORDER BY created_epoch, source, ticket_id",
                                window.values).map { r in
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
        try reading { db in
            try db.fetch("SELECT * FROM customer_periods ORDER BY first_day, source").compactMap { r in
                guard let first = Day(r["first_day"] as String), let last = Day(r["last_day"] as String) else { return nil }
                return CustomerPeriod(first: first, last: last, segments: InternalRecords.dictionary(r["segments"]),
                                      start: r["start_count"], end: r["end_count"], new: r["new_count"], lost: r["lost_count"],
                                      visits: r["visits"], sales: r["sales"], place: r["source"])
            }
        }
    }

    public func healthSignals() throws -> [HealthSignal] {
        try reading { db in
            try db.fetch("SELECT * FROM health_signals ORDER BY as_of, source, customer_id").compactMap { r in
                guard let day = Day(r["as_of"] as String) else { return nil }
                return HealthSignal(customerID: r["customer_id"], asOf: day, segments: InternalRecords.dictionary(r["segments"]),
                                    numbers: InternalRecords.dictionary(r["numbers"]), labels: InternalRecords.dictionary(r["labels"]),
                                    place: r["source"])
            }
        }
    }
}

/// Writing and decoding internal data inside a transaction.
enum InternalRecords {
    static let tables = ["survey_answers", "tickets", "customer_periods", "health_signals"]

    static func apply(_ batch: InternalBatch, snapshot: SnapshotArchive.Snapshot, origin: String,
                      descriptor: SourceDescriptor, importedAt: Timestamp, in db: any SQLConnection) throws -> ImportCounts {
        if try ImportRecords.imported(source: descriptor.name, sha256: snapshot.sha256, in: db) {
            var counts = ImportCounts()
            counts.alreadyImported = true
            return counts
        }
        let snapshotID = try ImportRecords.snapshotRow(snapshot, origin: origin, in: db)
        var counts = ImportCounts()
        counts.skipped = batch.skipped.count
        let source = descriptor.name
        func upsert(_ table: String, key: [String: SQLValue], values: [String: SQLValue]) throws {
            let hash = contentHash(values)
            let keyColumns = ["source"] + key.keys.sorted()
            let keyValues: [SQLValue] = [.text(source)] + key.keys.sorted().map { key[$0]! }
            let keyClause = keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
            let held: String? = try db.fetch("SELECT content_hash FROM \(table) WHERE \(keyClause)", keyValues)
                .first?["content_hash"]
            if held == hash { counts.unchanged += 1; return }
            let valueColumns = values.keys.sorted() + ["content_hash", "snapshot_id"]
            let valueValues = values.keys.sorted().map { values[$0]! } + [.text(hash), .int(snapshotID)]
            if held == nil {
                counts.new += 1
                let columns = keyColumns + valueColumns
                try db.execute("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ("
                    + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")", keyValues + valueValues)
            } else {
                counts.updated += 1
                try db.execute("UPDATE \(table) SET \(valueColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(keyClause)",
                               valueValues + keyValues)
            }
        }
        for a in batch.answers {
            try upsert("survey_answers", key: ["response_id": .text(a.responseID), "question": .text(a.question)], values: [
                "metric": .text(a.metric.rawValue), "scale": .text(a.scale.description), "score": a.score.sqlValue,
                "submitted_at": .text(a.submittedAt.utcISO), "submitted_epoch": .int(a.submittedAt.epochSeconds),
                "comment": .text(a.comment), "segments": .text(json(a.segments))])
        }
        for t in batch.tickets {
            try upsert("tickets", key: ["ticket_id": .text(t.id)], values: [
                "created_at": .text(t.createdAt.utcISO), "created_epoch": .int(t.createdAt.epochSeconds),
                "first_reply_min": t.firstReply.calendar.sqlValue, "first_reply_business_min": t.firstReply.business.sqlValue,
                "first_assign_min": t.firstAssign.calendar.sqlValue, "first_assign_business_min": t.firstAssign.business.sqlValue,
                "resolution_min": t.resolution.calendar.sqlValue, "resolution_business_min": t.resolution.business.sqlValue,
                "solved": t.solved.sqlValue, "reopens": t.reopens.sqlValue, "replies": t.replies.sqlValue,
                "segments": .text(json(t.segments))])
        }
        for p in batch.periods {
            try upsert("customer_periods", key: ["first_day": .text(p.first.description), "last_day": .text(p.last.description),
                                                 "segments": .text(json(p.segments))], values: [
                "start_count": p.start.sqlValue, "end_count": p.end.sqlValue, "new_count": p.new.sqlValue,
                "lost_count": p.lost.sqlValue, "visits": p.visits.sqlValue, "sales": p.sales.sqlValue])
        }
        for h in batch.health {
            try upsert("health_signals", key: ["customer_id": .text(h.customerID), "as_of": .text(h.asOf.description)], values: [
                "segments": .text(json(h.segments)), "numbers": .text(json(h.numbers)), "labels": .text(json(h.labels))])
        }
        try ImportRecords.recordImport(snapshot, snapshotID: snapshotID, descriptor: descriptor, importedAt: importedAt,
                                       counts: counts, in: db)
        return counts
    }

    /// The row's content hash: `name=value` pairs in name order, each value written as GRDB's
    /// `DatabaseValue.description` wrote it when stores hashed through GRDB (text quoted and
    /// escaped, numbers bare, NULL as `null`), so rows hashed by earlier versions still match.
    static func contentHash(_ values: [String: SQLValue]) -> String {
        StableHash.hex(values.sorted { $0.key < $1.key }.map { pair in
            let text: String
            switch pair.value {
            case .null: text = "null"
            case .int(let v): text = String(v)
            case .double(let v): text = String(v)
            case .text(let v): text = String(reflecting: v)
            }
            return "\(pair.key)=\(text)"
        })
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
            let value: [String: String] = InternalRecords.dictionary(text)
            if known.count < 100_000 { known[text] = value }
            return value
        }
    }

    /// `AND <column> >= from AND <column> < before` for the bounds given.
    static func epochWindow(_ column: String, from: Int64?, before: Int64?) -> (sql: String, values: [SQLValue]) {
        var sql = "", values: [SQLValue] = []
        if let from { sql += " AND \(column) >= ?"; values.append(.int(from)) }
        if let before { sql += " AND \(column) < ?"; values.append(.int(before)) }
        return (sql, values)
    }
}
