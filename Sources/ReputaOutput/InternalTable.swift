import ReputaCore

/// What an internal-data payload holds, as tables (one per kind of record), for `inspect`.
public enum InternalTable {
    public static func make(_ batch: InternalBatch) -> [DataTable] {
        func segments(_ s: [String: String]) -> DataTable.Cell {
            .text(s.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
        func number(_ v: Double?) -> DataTable.Cell { v.map { .number($0) } ?? .null }
        func int(_ v: Int?) -> DataTable.Cell { v.map { .integer($0) } ?? .null }
        var tables: [DataTable] = []
        if !batch.answers.isEmpty {
            tables.append(DataTable(columns: ["response_id", "question", "metric", "scale", "score", "submitted_at", "segments", "comment"],
                                    rows: batch.answers.map { a in
                [.text(a.responseID), .text(a.question), .text(a.metric.rawValue), .text(a.scale.description), number(a.score),
                 .text(a.submittedAt.utcISO), segments(a.segments), .text(a.comment)]
            }))
        }
        if !batch.tickets.isEmpty {
            tables.append(DataTable(columns: ["ticket_id", "created_at", "first_reply_min", "first_reply_business_min",
                                              "first_assign_min", "resolution_min", "resolution_business_min", "solved",
                                              "reopens", "replies", "segments"], rows: batch.tickets.map { t in
                [.text(t.id), .text(t.createdAt.utcISO), number(t.firstReply.calendar), number(t.firstReply.business),
                 number(t.firstAssign.calendar), number(t.resolution.calendar), number(t.resolution.business),
                 .text(t.solved ? "yes" : "no"), int(t.reopens), int(t.replies), segments(t.segments)]
            }))
        }
        if !batch.periods.isEmpty {
            tables.append(DataTable(columns: ["first_day", "last_day", "start", "end", "new", "lost", "visits", "sales", "segments"],
                                    rows: batch.periods.map { p in
                [.text(p.first.description), .text(p.last.description), int(p.start), int(p.end), int(p.new), int(p.lost),
                 int(p.visits), int(p.sales), segments(p.segments)]
            }))
        }
        if !batch.health.isEmpty {
            tables.append(DataTable(columns: ["customer_id", "as_of", "signals", "segments"], rows: batch.health.map { h in
                let signals = h.numbers.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    + h.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                return [.text(h.customerID), .text(h.asOf.description), .text(signals.joined(separator: " ")), segments(h.segments)]
            }))
        }
        return tables
    }
}
