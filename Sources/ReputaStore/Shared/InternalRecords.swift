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
        let counts = try writing { db in
            try InternalRecords.apply(batch, snapshot: snapshot, origin: origin, descriptor: descriptor,
                                      importedAt: importedAt, in: db)
        }
        settle(InternalRecords.tables, changedRows: counts.changedRows)
        return counts
    }

    /// Forgets everything `source` imported and imports its snapshots again, oldest first, in
    /// one transaction: a snapshot that no longer parses leaves the source as it was.
    public func rebuildInternal(source: String, payloads: [StoredSnapshot], importedAt: Timestamp,
                                parse: (StoredSnapshot) throws -> InternalBatch) throws -> ImportCounts {
        let total = try writing { db in
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
        settle(InternalRecords.tables, changedRows: total.changedRows)
        return total
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
        /// Writes `rows` into `table` (key and value columns in the order `row` gives them).
        func write<Row>(_ table: String, _ rows: [Row], keys: [String], values: [String],
                        _ row: (Row) -> (key: [String], values: [SQLValue])) throws {
            guard !rows.isEmpty else { return }
            let writer = InternalWriter(db: db, table: table, source: descriptor.name, snapshotID: snapshotID,
                                        keyColumns: keys, valueColumns: values)
            for item in rows {
                let (key, values) = row(item)
                try writer.add(key: key, values: values)
            }
            try writer.flush()
            counts.new += writer.counts.new
            counts.updated += writer.counts.updated
            counts.unchanged += writer.counts.unchanged
        }
        try write("survey_answers", batch.answers, keys: ["question", "response_id"],
                  values: ["comment", "metric", "scale", "score", "segments", "submitted_at", "submitted_epoch"]) { a in
            ([a.question, a.responseID],
             [.text(a.comment), .text(a.metric.rawValue), .text(a.scale.description), a.score.sqlValue,
              .text(json(a.segments)), .text(a.submittedAt.utcISO), .int(a.submittedAt.epochSeconds)])
        }
        try write("tickets", batch.tickets, keys: ["ticket_id"],
                  values: ["created_at", "created_epoch", "first_assign_business_min", "first_assign_min",
                           "first_reply_business_min", "first_reply_min", "reopens", "replies", "resolution_business_min",
                           "resolution_min", "segments", "solved"]) { t in
            ([t.id],
             [.text(t.createdAt.utcISO), .int(t.createdAt.epochSeconds), t.firstAssign.business.sqlValue,
              t.firstAssign.calendar.sqlValue, t.firstReply.business.sqlValue, t.firstReply.calendar.sqlValue,
              t.reopens.sqlValue, t.replies.sqlValue, t.resolution.business.sqlValue, t.resolution.calendar.sqlValue,
              .text(json(t.segments)), t.solved.sqlValue])
        }
        try write("customer_periods", batch.periods, keys: ["first_day", "last_day", "segments"],
                  values: ["end_count", "lost_count", "new_count", "sales", "start_count", "visits"]) { p in
            ([p.first.description, p.last.description, json(p.segments)],
             [p.end.sqlValue, p.lost.sqlValue, p.new.sqlValue, p.sales.sqlValue, p.start.sqlValue, p.visits.sqlValue])
        }
        try write("health_signals", batch.health, keys: ["as_of", "customer_id"], values: ["labels", "numbers", "segments"]) { h in
            ([h.asOf.description, h.customerID], [.text(json(h.labels)), .text(json(h.numbers)), .text(json(h.segments))])
        }
        try ImportRecords.recordImport(snapshot, snapshotID: snapshotID, descriptor: descriptor, importedAt: importedAt,
                                       counts: counts, in: db)
        return counts
    }

    /// The row's content hash: `name=value` pairs in name order, each value written as GRDB's
    /// `DatabaseValue.description` wrote it when stores hashed through GRDB (text quoted and
    /// escaped, numbers bare, NULL as `null`), so rows hashed by earlier versions still match.
    /// `values` come in name order.
    static func contentHash(_ values: [(key: String, value: SQLValue)]) -> String {
        StableHash.hex(values.map { pair in
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
