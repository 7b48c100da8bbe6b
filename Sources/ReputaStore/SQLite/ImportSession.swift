import GRDB
import ReputaCore

/// The sink an importer streams one payload into, inside the payload's write transaction:
/// each review is upserted as it arrives and counted. For a full export the ids seen go to a
/// temporary table (not a Swift set), so tombstoning what is missing stays in bounded memory.
final class ImportSession: ReviewSink {
    let writer: ReviewWriter
    let snapshotID: Int64
    let capturedAt: String
    let markSeen: Statement?
    let report: (RowProblem, Bool) -> Void
    var counts = ImportCounts()
    /// Reviews handed over, whatever their outcome.
    var added = 0

    init(db: Database, descriptor: SourceDescriptor, snapshotID: Int64, capturedAt: String,
         report: @escaping (RowProblem, Bool) -> Void) throws {
        writer = try ReviewWriter(db: db, reportingZone: descriptor.reportingZone)
        self.snapshotID = snapshotID
        self.capturedAt = capturedAt
        self.report = report
        if descriptor.fullExport {
            try db.execute(sql: """
                DROP TABLE IF EXISTS temp.import_seen;
                CREATE TEMP TABLE import_seen (merge_key TEXT PRIMARY KEY) WITHOUT ROWID;
                """)
            markSeen = try db.cachedStatement(sql: "INSERT OR IGNORE INTO temp.import_seen (merge_key) VALUES (?)")
        } else {
            markSeen = nil
        }
    }

    func add(_ review: Review) throws {
        FaultInjection.reviewWritten()
        added += 1
        let key = PortalIdentity.key(source: review.source, portal: review.portal, externalID: review.externalID)
        if let markSeen { try markSeen.execute(arguments: [key]) }
        let (outcome, merged) = try writer.upsert(review, key: key, snapshotID: snapshotID, capturedAt: capturedAt)
        if merged { counts.merged += 1 }
        switch outcome {
        case .new: counts.new += 1
        case .updated: counts.updated += 1
        case .unchanged: counts.unchanged += 1
        }
    }

    func skip(_ problem: RowProblem) {
        counts.skipped += 1
        report(problem, false)
    }

    func warn(_ problem: RowProblem) {
        report(problem, true)
    }
}
