import ReputaCore

/// The sink an importer streams one payload into, inside the payload's write transaction:
/// reviews are gathered into batches of distinct merge keys (`SQLConnection.reviewBatchSize`),
/// upserted and counted. For a full export the keys seen go to a scratch table (not a Swift
/// set), so tombstoning what is missing stays in bounded memory. `finish` writes the last batch.
final class ImportSession: ReviewSink {
    let db: any SQLConnection
    let writer: ReviewWriter
    let snapshotID: Int64
    let capturedAt: String
    let fullExport: Bool
    let report: (RowProblem, Bool) -> Void
    let batchSize: Int
    var counts = ImportCounts()
    /// Reviews handed over, whatever their outcome.
    var added = 0
    var pending: [ReviewInsert] = []
    var pendingKeys: Set<String> = []

    init(db: any SQLConnection, descriptor: SourceDescriptor, snapshotID: Int64, capturedAt: String,
         report: @escaping (RowProblem, Bool) -> Void) throws {
        self.db = db
        writer = try ReviewWriter(db: db, reportingZone: descriptor.reportingZone)
        self.snapshotID = snapshotID
        self.capturedAt = capturedAt
        self.report = report
        fullExport = descriptor.fullExport
        batchSize = max(1, db.reviewBatchSize)
        if fullExport {
            for sql in db.dialect.scratchTable(Self.seenTable) { try db.execute(sql, []) }
        }
    }

    /// The scratch-table insert, prepared per batch size (the last batch is shorter).
    private var markers: [Int: any SQLStatement] = [:]

    /// The scratch table of the merge keys a full export delivered.
    static let seenTable = "import_seen"

    func add(_ review: Review) throws {
        FaultInjection.reviewWritten()
        added += 1
        let key = PortalIdentity.key(source: review.source, portal: review.portal, externalID: review.externalID)
        // A key twice in one payload is written in order: the batch so far goes first.
        if batchSize > 1, !pendingKeys.insert(key).inserted {
            try flush()
            pendingKeys.insert(key)
        }
        pending.append(writer.newRow(review, key: key, snapshotID: snapshotID))
        if pending.count >= batchSize { try flush() }
    }

    /// Writes the gathered reviews.
    func flush() throws {
        guard !pending.isEmpty else { return }
        if fullExport {
            let keys = pending.map(\.key)
            let mark = try markers[keys.count] ?? db.prepare("INSERT INTO \(Self.seenTable) (merge_key) VALUES "
                + keys.map { _ in "(?)" }.joined(separator: ", ") + " ON CONFLICT (merge_key) DO NOTHING")
            markers[keys.count] = mark
            try mark.execute(keys.map(\.sqlValue))
        }
        for (outcome, merged) in try writer.upsert(pending, capturedAt: capturedAt) {
            if merged { counts.merged += 1 }
            switch outcome {
            case .new: counts.new += 1
            case .updated: counts.updated += 1
            case .unchanged: counts.unchanged += 1
            }
        }
        pending.removeAll(keepingCapacity: true)
        pendingKeys.removeAll(keepingCapacity: true)
    }

    func skip(_ problem: RowProblem) {
        counts.skipped += 1
        report(problem, false)
    }

    func warn(_ problem: RowProblem) {
        report(problem, true)
    }
}
