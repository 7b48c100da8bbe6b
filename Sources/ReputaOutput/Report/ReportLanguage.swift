import Foundation
import ReputaCore

/// Labels and number formats of the weekly report and the comparison tables, in English or
/// Italian (`--lang`). Numbers: `4.21` / `4,21`, `84.6%` / `84,6%`; week labels stay ISO.
public struct ReportLanguage: Sendable {
    public let code: String
    let labels: [String: String]

    public static let english = ReportLanguage(code: "en", labels: [:])
    public static let italian = ReportLanguage(code: "it", labels: italianLabels)

    public static func named(_ code: String) -> ReportLanguage? {
        switch code {
        case "en": english
        case "it": italian
        default: nil
        }
    }

    /// The label for `key` (English text is its own key).
    public func t(_ key: String) -> String { labels[key] ?? key }

    /// `value` with `decimals` digits and this language's decimal mark; `–` for nil.
    public func number(_ value: Double?, _ decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        let s = String(format: "%.\(decimals)f", value)
        return code == "it" ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    /// Month abbreviations, January first: `Nov` / `nov`.
    static let months = [
        "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "it": ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
    ]

    /// Month `m` (1–12) abbreviated in this language.
    public func month(_ m: Int) -> String { (Self.months[code] ?? Self.months["en"]!)[max(1, min(12, m)) - 1] }

    /// An ISO week's days as a reader writes them: `16–22 Nov 2026`, `30 Nov – 6 Dec 2026`,
    /// `29 Dec 2025 – 4 Jan 2026` (`nov`, `dic` in Italian); the label itself when it is not a week.
    public func weekSpan(_ week: String) -> String {
        guard week.contains("-W"), let (first, last) = Period.days(of: week) else { return week }
        func parts(_ d: Day) -> (y: String, m: Int, d: Int) {
            let p = d.description.split(separator: "-")
            return (String(p[0]), Int(p[1]) ?? 1, Int(p[2]) ?? 1)
        }
        let a = parts(first), b = parts(last)
        if a.y != b.y { return "\(a.d) \(month(a.m)) \(a.y) – \(b.d) \(month(b.m)) \(b.y)" }
        if a.m != b.m { return "\(a.d) \(month(a.m)) – \(b.d) \(month(b.m)) \(b.y)" }
        return "\(a.d)–\(b.d) \(month(b.m)) \(b.y)"
    }

    public func percent(_ value: Double?) -> String { value == nil ? "–" : number(value, 1) + "%" }

    /// A signed difference with the verdict's marker: `+4.2 ▲`, `−1.0 ≈` (within noise).
    public func change(_ d: Difference?, decimals: Int = 1) -> String {
        guard let d, let delta = d.delta else { return "–" }
        let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
        return sign + number(abs(delta), decimals) + " " + marker(d.verdict)
    }

    /// A signed difference of minutes, as a duration: `+1.2 h ≈`.
    public func durationChange(_ d: Difference?) -> String {
        guard let d, let delta = d.delta else { return "–" }
        return (delta > 0 ? "+" : delta < 0 ? "−" : "±") + duration(minutes: abs(delta)) + " " + marker(d.verdict)
    }

    public func marker(_ v: Difference.Verdict) -> String {
        switch v {
        case .higher: "▲"
        case .lower: "▼"
        case .withinNoise: "≈"
        case .untestable: "?"
        }
    }

    /// Minutes as hours (`5.2 h`) or days (`2.1 d`) for reading.
    public func duration(minutes: Double?) -> String {
        guard let m = minutes else { return "–" }
        if m < 60 { return number(m, 0) + " min" }
        if m < 48 * 60 { return number(m / 60, 1) + " h" }
        return number(m / 1440, 1) + (code == "it" ? " g" : " d")
    }

    static let italianLabels: [String: String] = [
        "Weekly reputation report": "Report settimanale sulla reputazione",
        "Week": "Settimana", "Previous week": "Settimana precedente", "Window": "Finestra",
        "weeks": "settimane", "Generated": "Generato",
        "Portal ratings by location": "Valutazioni sui portali per sede",
        "Location": "Sede", "Portal": "Portale", "Reviews": "Recensioni", "Average": "Media",
        "Top-2-box": "Top-2-box", "Net stars": "Stelle nette", "Bayesian (0-100)": "Media bayesiana (0-100)",
        "Replied": "Con risposta", "Response time (median)": "Tempo di risposta (mediana)",
        "Change vs previous week": "Variazione sulla settimana precedente",
        "Star distribution": "Distribuzione delle stelle",
        "Competitors": "Concorrenti", "Competitor": "Concorrente", "Rank": "Posizione", "us": "noi",
        "versus us": "rispetto a noi",
        "Internal metrics (surveys and helpdesk)": "Metriche interne (sondaggi e assistenza)",
        "Metric": "Metrica", "Scale": "Scala", "This week": "Questa settimana", "Detail": "Dettaglio",
        "Does the portal lead CSAT?": "Il portale anticipa il CSAT?",
        "Lag (weeks)": "Ritardo (settimane)", "Published benchmarks": "Benchmark pubblicati",
        "Subject": "Soggetto", "Value": "Valore", "Source": "Fonte", "Year": "Anno", "Method": "Metodo",
        "Ours": "Nostro", "Verdict": "Esito",
        "Coverage": "Copertura", "Stored": "Archiviate", "Portal total": "Totale sul portale",
        "Notable reviews of the week": "Recensioni notevoli della settimana",
        "Sources gone quiet: no new review for longer than expected, or the last fetch failed; this week's figures may lack their reviews.":
            "Fonti silenziose: nessuna nuova recensione da più tempo del previsto, o l'ultimo recupero non è riuscito; ai dati di questa settimana possono mancare le loro recensioni.",
        "last fetch failed": "ultimo recupero non riuscito",
        "newest review": "ultima recensione",
        "ago": "fa",
        "hour": "ora",
        "hours": "ore",
        "day": "giorno",
        "expected within": "attesa entro",
        "days": "giorni",
        "no review held": "nessuna recensione nell'archivio",
        "Most negative": "Più negative", "Most helpful": "Più utili",
        "Trend of the average (0-100), 12 weeks": "Andamento della media (0-100), 12 settimane",
        "Response time trend (median, hours)": "Andamento del tempo di risposta (mediana, ore)",
        "Us versus competitors (Bayesian average, 0-100)": "Noi e i concorrenti (media bayesiana, 0-100)",
        "all": "tutte", "all portals": "tutti i portali", "no data this week": "nessun dato questa settimana",
        "within noise": "nel rumore", "higher": "più alto", "lower": "più basso", "not testable": "non verificabile",
        "ours above": "nostro sopra", "ours below": "nostro sotto",
        "How to read": "Come leggere",
        "▲/▼ significant at 95% (two-proportion z for shares, Welch t for means, NPS variance for NPS and net stars); ≈ within noise; ? too few data to test.":
            "▲/▼ significativo al 95% (z a due proporzioni per le quote, t di Welch per le medie, varianza NPS per NPS e stelle nette); ≈ nel rumore; ? troppo pochi dati per il test.",
        "No reviews in this week.": "Nessuna recensione in questa settimana.",
        "The latest week with reviews is": "L'ultima settimana con recensioni è la",
        "No reviews in this window.": "Nessuna recensione in questa finestra.",
        "capped source": "fonte con limite",
        "link": "link", "helpful votes": "voti utili",
    ]
}
