import ReputaStore
import ReputaOutput
import ReputaConfig
import ReputaPipeline

/// One row per fetched source: payloads, conditional GETs answered unchanged, the import's
/// counts, and its status (`ok`, `failed: <reason>`, `deferred: rate limited until …`).
enum FetchTable {
    static func table(_ outcomes: [SourceOutcome]) -> DataTable {
        DataTable(columns: ["source", "payloads", "not_modified", "new", "updated", "unchanged", "merged", "removed", "skipped",
                                     "status"],
                  rows: outcomes.map { o in
                      [.text(o.source), .integer(o.payloads), .integer(o.notModified), .integer(o.counts.new),
                       .integer(o.counts.updated), .integer(o.counts.unchanged), .integer(o.counts.merged), .integer(o.counts.removed),
                       .integer(o.counts.skipped), .text(status(o))]
                  })
    }

    static func status(_ o: SourceOutcome) -> String {
        if let failure = o.failure { return "failed: \(failure)" }
        if let until = o.deferredUntil { return "deferred: rate limited until \(until)" }
        if o.interrupted { return "stopped: not read, due again" }
        return "ok"
    }
}
