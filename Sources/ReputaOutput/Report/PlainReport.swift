import ReputaAnalysis
import ReputaCore

/// The weekly report as a mail's plain-text part, written for reading: the headline, the
/// scorecards as "label: value" lines, each location in one line, the quiet sources and the
/// notable reviews, every line wrapped at 72 characters; no tables, no markup, no escapes. The
/// detail tables and the charts are in the HTML part, and the text says so.
public enum PlainReport {
    public static let width = 72

    public static func render(_ doc: ReportDocument, _ lang: ReportLanguage) -> String {
        let c = doc.comparison
        var out: [String] = [doc.title(lang),
                             lang.t("Generated") + " " + doc.generated(lang), ""]
        if let h = doc.headline {
            for sentence in HeadlineText.sentences(h, lang, topicNames: doc.topicNames) { out += wrap(sentence) + [""] }
            if !h.emptyWeek { out += card(HeadlineText.scorecard(h, lang)) + [""] }
            if let complaints = h.complaints { out += card(HeadlineText.complaintCard(complaints, lang)) + [""] }
        }
        if let warning = doc.quietWarning(lang) {
            out += wrap(warning.title)
            for line in warning.lines { out += wrap("- " + line, indent: "  ") }
            out.append("")
        }
        let places = c.cells.filter { $0.portal == Comparer.all && $0.location != Comparer.all && $0.week.reviews > 0 }
        if !places.isEmpty {
            out += [lang.t("By location, all portals"), ""]
            for cell in places {
                let w = cell.week
                out += wrap(ComparisonTables.place(cell.location, lang) + ": " + ComparisonTables.average(w, lang) + "; "
                            + lang.t("Top-2-box") + " " + lang.percent(w.topTwo.value) + "; " + lang.t("Replied") + " "
                            + lang.percent(w.responseRate.value) + "; " + lang.t("Change vs previous week") + " "
                            + ComparisonTables.weekChange(cell, lang), indent: "  ")
            }
            out.append("")
        }
        if !doc.notableReviews.isEmpty {
            out += [lang.t("Notable reviews of the week"), ""]
            for r in doc.notableReviews {
                let stars = r.rating.map { lang.number($0, 0) + "★" } ?? "–"
                out += wrap((r.kind == "most_negative" ? lang.t("Most negative") : lang.t("Most helpful")) + " · " + stars + " · " + r.portal
                            + " · " + ComparisonTables.place(r.location, lang))
                out += wrap("\"" + (r.title.isEmpty ? "" : r.title + " — ") + r.text + "\"", indent: "  ").map { "  " + $0.drop { $0 == " " } }
                if let link = HTMLReport.safeLink(r.url) { out.append("  " + link) }
                out.append("")
            }
        }
        out += wrap(lang.t("The tables and charts are in the HTML version of this message."))
        return out.joined(separator: "\n") + "\n"
    }

    /// A table as `label: column value · column value` lines.
    static func card(_ table: DataTable) -> [String] {
        var out = table.columns.prefix(1).filter { !$0.isEmpty }
        for row in table.rows {
            guard let first = row.first else { continue }
            let rest = zip(table.columns.dropFirst(), row.dropFirst()).map { $0 + " " + text($1) }
            out += wrap(text(first) + ": " + rest.joined(separator: " · "), indent: "  ")
        }
        return out
    }

    static func text(_ cell: DataTable.Cell) -> String {
        switch cell {
        case .text(let s): s
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .list(let items): items.joined(separator: "; ")
        case .bool(let b): b ? "✓" : "–"
        case .null: "–"
        }
    }

    /// Greedy word wrap at `width` characters (controls removed, line breaks made spaces);
    /// continuation lines start with `indent`.
    static func wrap(_ text: String, indent: String = "") -> [String] {
        var lines: [String] = [], line = ""
        for word in TerminalText.clean(text).split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent + word
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
