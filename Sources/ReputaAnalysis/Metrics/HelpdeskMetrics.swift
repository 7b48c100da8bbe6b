import ReputaCore

/// First response, first assignment and resolution times (mean, median, p90; calendar and,
/// where the export has it, business minutes) and FCR %, by the period the ticket was created in.
enum HelpdeskMetrics {
    static func rows(_ tickets: [Ticket], _ request: MetricsRequest) -> [MetricRow] {
        var rows: [MetricRow] = []
        for (bucket, group) in MetricsEngine.group(tickets, request, day: { Day($0.createdAt, in: request.zone) }, segments: \.segments) {
            let total = group.count
            let replied = group.filter { $0.firstReply.happened }.count
            rows += durations("first_response_time", group.map(\.firstReply), bucket,
                              detail: "\(replied) of \(total) tickets replied to; \(total - replied) still waiting, not averaged")
            let assigned = group.filter { $0.firstAssign.happened }.count
            rows += durations("first_assign_time", group.map(\.firstAssign), bucket,
                              detail: "\(assigned) of \(total) tickets assigned")
            let solved = group.filter(\.solved)
            rows += durations("resolution_time", solved.map(\.resolution), bucket,
                              detail: "\(solved.count) solved; \(total - solved.count) unresolved, not averaged")
            let known = solved.compactMap(\.resolvedAtFirstContact)
            if !solved.isEmpty {
                let fcr = Formulas.fcrPercent(resolvedAtFirstContact: known.filter { $0 }.count, solved: known.count)
                let signal = known.count < solved.count ? "; \(solved.count - known.count) solved without reopens or replies in the export" : ""
                rows.append(MetricRow(metric: "fcr_pct", period: bucket.period, segment: bucket.segment, scale: "percent",
                                      figure: fcr, detail: "solved with no reopen and at most one agent reply\(signal)"))
            }
        }
        return rows
    }

    /// Mean, median and p90 rows for calendar minutes, and for business minutes when any ticket has them.
    static func durations(_ name: String, _ values: [Elapsed], _ bucket: MetricsRequest.Bucket, detail: String) -> [MetricRow] {
        var rows: [MetricRow] = []
        for (label, pick) in [("minutes (calendar)", { (e: Elapsed) in e.calendar }), ("minutes (business)", { (e: Elapsed) in e.business })] {
            let minutes = values.compactMap(pick)
            if minutes.isEmpty, label.contains("business") { continue }
            let d = Formulas.duration(minutes)
            for (suffix, f) in [("", d.mean), ("_median", d.median), ("_p90", d.p90)] {
                rows.append(MetricRow(metric: name + suffix, period: bucket.period, segment: bucket.segment, scale: label,
                                      figure: f, detail: suffix.isEmpty ? detail : ""))
            }
        }
        return rows
    }
}
