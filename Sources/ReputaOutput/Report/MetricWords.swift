import Foundation

/// Internal metrics as a reader names them, and the details the metrics engine writes (in
/// English, with its numbers) read back in the reader's language: the engine's forms are few and
/// fixed, so each is matched whole and rewritten; a form not listed here, or a name from the
/// config (health bands and components), is shown as written.
public enum MetricWords {
    /// Metric id → its name in English (the catalogue key).
    public static let names: [String: String] = [
        "csat_pct": "CSAT (top-2-box %)", "csat_mean": "CSAT mean", "csat_low_count": "CSAT low scores",
        "css_pct": "CSS (top-2-box %)", "nps": "NPS", "ces_mean": "CES mean", "ces_agree_pct": "CES agree %",
        "churn_pct": "Net churn % (S − E) ÷ S", "gross_churn_pct": "Gross churn % (lost ÷ S)", "retention_pct": "Retention %",
        "conversion_pct": "Conversion %",
        "first_response_time": "First response time", "first_response_time_median": "First response time (median)",
        "first_response_time_p90": "First response time (p90)",
        "first_assign_time": "First assignment time", "first_assign_time_median": "First assignment time (median)",
        "first_assign_time_p90": "First assignment time (p90)",
        "resolution_time": "Resolution time", "resolution_time_median": "Resolution time (median)",
        "resolution_time_p90": "Resolution time (p90)", "fcr_pct": "First-contact resolution %", "health_score": "Health score",
        // Benchmarks' own metrics.
        "rating_mean": "Portal rating (mean)", "top2_pct": "Portal top-2-box %", "acsi": "ACSI index",
    ]

    /// The metric's name in `lang` (the id itself when unknown).
    public static func name(_ id: String, _ lang: ReportLanguage) -> String { names[id].map(lang.t) ?? id }

    /// A scale label in `lang`: `minutes (business)` → `minuti (lavorativi)`; `1-5` as it is.
    public static func scale(_ scale: String, _ lang: ReportLanguage) -> String {
        ["percent", "minutes (business)", "minutes (calendar)"].contains(scale) ? lang.t(scale) : scale
    }

    /// The engine's detail in `lang`.
    public static func detail(_ text: String, _ lang: ReportLanguage) -> String {
        guard lang.code == "it", !text.isEmpty else { return text }
        return text.components(separatedBy: "; ").map(italianPart).joined(separator: "; ")
    }

    /// One `; `-separated part of a detail, in Italian.
    static func italianPart(_ part: String) -> String {
        if let m = part.wholeMatch(of: /top-2-box (\S+): (\d+) of (\d+)/) { return "top-2-box \(m.1): \(m.2) su \(m.3)" }
        if let m = part.wholeMatch(of: /scores ≤ (\S+): (\d+) of (\d+)/) { return "punteggi ≤ \(m.1): \(m.2) su \(m.3)" }
        if let m = part.wholeMatch(of: /mean of the (\S+) scores, not a share/) { return "media dei punteggi \(m.1), non una quota" }
        if let m = part.wholeMatch(of: /(\d+) offered, not answered/) { return "\(m.1) proposti, senza risposta" }
        if let m = part.wholeMatch(of: /questions pooled: (.+)/) { return "domande unite: \(m.1)" }
        if let m = part.wholeMatch(of: /promoters (\d+), passives (\d+), detractors (\d+)/) {
            return "promotori \(m.1), passivi \(m.2), detrattori \(m.3)"
        }
        if let m = part.wholeMatch(of: /agree \(5-7\): (\d+) of (\d+)/) { return "d'accordo (5-7): \(m.1) su \(m.2)" }
        if let m = part.wholeMatch(of: /good (\d+), bad (\d+)/) { return "positivi \(m.1), negativi \(m.2)" }
        if let m = part.wholeMatch(of: /bad (\d+) of (\d+)/) { return "negativi \(m.1) su \(m.2)" }
        if let m = part.wholeMatch(of: /sales (\d+) of visits (\d+)/) { return "vendite \(m.1) su visite \(m.2)" }
        if let m = part.wholeMatch(of: /(\d+) of (\d+) tickets replied to/) { return "\(m.1) ticket su \(m.2) con risposta" }
        if let m = part.wholeMatch(of: /(\d+) still waiting, not averaged/) { return "\(m.1) ancora in attesa, esclusi dalla media" }
        if let m = part.wholeMatch(of: /(\d+) of (\d+) tickets assigned/) { return "\(m.1) ticket su \(m.2) assegnati" }
        if let m = part.wholeMatch(of: /(\d+) solved/) { return "\(m.1) risolti" }
        if let m = part.wholeMatch(of: /(\d+) unresolved, not averaged/) { return "\(m.1) non risolti, esclusi dalla media" }
        if let m = part.wholeMatch(of: /(\d+) solved without reopens or replies in the export/) {
            return "\(m.1) risolti senza riaperture né risposte nell'esportazione"
        }
        if let m = part.wholeMatch(of: /no (\S+) of ours in the window to compare with/) { return "nessun nostro \(m.1) nella finestra con cui confrontare" }
        if let m = part.wholeMatch(of: /not compared: our (\S+) is on (.+), the benchmark on (\S+)/) {
            return "non confrontato: il nostro \(m.1) è su \(m.2), il benchmark su \(m.3)"
        }
        let fixed = [
            "solved with no reopen and at most one agent reply": "risolti senza riaperture e con al più una risposta dell'operatore",
            "net loss (S − E) ÷ S, negative when the base grew": "perdita netta (S − E) ÷ S, negativa quando la base cresce",
            "customers lost L ÷ S": "clienti persi L ÷ S", "with retention, 100 %": "con la fidelizzazione, 100 %",
            "S = 0: no customers at the start": "S = 0: nessun cliente all'inizio",
            "no survey answers at this location this week": "nessuna risposta ai sondaggi in questa sede questa settimana",
            "no tickets at this location this week": "nessun ticket in questa sede questa settimana",
            "figures on different scales are never compared": "valori su scale diverse non si confrontano mai",
        ]
        return fixed[part] ?? part
    }
}
