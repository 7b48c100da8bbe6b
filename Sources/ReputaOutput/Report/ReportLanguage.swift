import Foundation
import ReputaCore

/// Labels and number formats of the weekly report and the comparison tables, in English or
/// Italian (`--lang`). Numbers: `4.21` / `4,21`, `84.6%` / `84,6%`; week labels stay ISO.
public struct ReportLanguage: Sendable {
    public let code: String
    let labels: [String: String]

    public static let english = ReportLanguage(code: "en", labels: englishLabels)
    /// The few keys that are not their own English text.
    static let englishLabels = ["level urgent": "urgent", "level high": "high", "level normal": "normal"]
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

    /// The label for `key` with `{n}` replaced by `n` in this language's number format.
    public func t(_ key: String, n: Int) -> String { t(key).replacingOccurrences(of: "{n}", with: integer(n)) }

    /// The locale numbers and dates are written in: `en_GB` (16 Nov 2026, 1,509.5), `it_IT`
    /// (16 nov 2026, 1509,5 and 15.090: Italian groups thousands from five digits, CLDR's
    /// minimum grouping digits).
    public var locale: Locale { code == "it" ? Self.italianLocale : Self.englishLocale }
    static let englishLocale = Locale(identifier: "en_GB")
    static let italianLocale = Locale(identifier: "it_IT")

    /// `value` with `decimals` digits in this language's locale (Foundation's number format:
    /// `1,509.25` / `1509,25`); `–` for nil or a non-finite value.
    public func number(_ value: Double?, _ decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        return value.formatted(.number.precision(.fractionLength(decimals)).locale(locale))
    }

    /// `value` with at most `upTo` decimals, trailing zeros dropped: `4`, `58,33`, `1.509,5`.
    public func decimal(_ value: Double, upTo: Int = 2) -> String {
        value.formatted(.number.precision(.fractionLength(0...upTo)).locale(locale))
    }

    /// A count in this language's locale: `15,090` / `15.090`.
    public func integer(_ value: Int) -> String { value.formatted(.number.locale(locale)) }

    /// A rank as a reader says it: `1st`, `2nd`, `11th` / `1º`.
    public func ordinal(_ n: Int) -> String {
        if code == "it" { return "\(n)º" }
        let tens = n % 100, ones = n % 10
        let suffix = (11...13).contains(tens) ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th"
        return "\(n)\(suffix)"
    }

    /// A moment as a reader writes it, in `zone`: `7 Dec 2026, 02:45` / `7 dic 2026, 02:45`.
    public func dateTime(_ t: Timestamp, zone: TimeZone) -> String {
        Date(timeIntervalSince1970: TimeInterval(t.epochSeconds))
            .formatted(Date.FormatStyle(date: .abbreviated, time: .shortened, locale: locale, timeZone: zone))
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
    public func change(_ d: Difference?, decimals: Int = 1, unit: String = "") -> String {
        guard let d, let delta = d.delta else { return "–" }
        let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
        return sign + number(abs(delta), decimals) + unit + " " + marker(d.verdict)
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
        "Trend of the average (0-100), {n} weeks": "Andamento della media (0-100), {n} settimane",
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
        // The headline and its scorecards.
        "average": "media", "on": "su", "review": "recensione", "reviews": "recensioni",
        "Against the previous week": "Rispetto alla settimana precedente",
        "against the previous {n} weeks": "rispetto alle {n} settimane precedenti",
        "Volume": "Volume", "against": "contro", "the previous week": "della settimana precedente", "and": "e",
        "a week in the previous {n} weeks": "a settimana nelle {n} settimane precedenti",
        "Previous {n} weeks, a week": "{n} settimane precedenti, a settimana",
        "Complaints": "Reclami", "Flagged for an answer": "Segnalate per una risposta", "of which urgent": "di cui urgenti",
        "Overdue now (any week)": "In ritardo ora (di qualsiasi settimana)", "Answered within the deadline": "Con risposta entro la scadenza",
        "Beyond noise: a change the test (Welch t for averages, a Poisson-rate test for volume) tells from chance at 95%; within noise: one it cannot. Rank: by Bayesian average (explained under the ratings table).":
            "Oltre il rumore: una variazione che il test (t di Welch per le medie, un test sui tassi di Poisson per il volume) distingue dal caso al 95%; nel rumore: una che non distingue. Posizione: per media bayesiana (spiegata sotto la tabella delle valutazioni).",
        "capped sources (only their latest reviews can be fetched), whose earlier weeks may be short":
            "fonti con limite (se ne possono recuperare solo le recensioni più recenti), le cui settimane precedenti possono essere incomplete",
        "nothing to compare with": "niente con cui confrontare", "points": "punti",
        "up": "in aumento di", "down": "in calo di", "beyond noise": "oltre il rumore",
        "no change beyond noise": "nessuna variazione oltre il rumore", "too few reviews to tell": "troppo poche recensioni per dirlo",
        "more, beyond noise": "di più, oltre il rumore", "fewer, beyond noise": "di meno, oltre il rumore",
        "of": "su", "tied with": "a pari merito con", "not ranked (no reviews of ours this week)": "senza posizione (nessuna nostra recensione questa settimana)",
        "cross-portal: ours on": "tra portali diversi: le nostre su", "Rank among competitors": "Posizione tra i concorrenti",
        "flagged for an answer": "segnalate per una risposta", "urgent": "urgenti", "overdue now": "in ritardo ora",
        "answered within the deadline": "con risposta entro la scadenza", "median response": "risposta mediana",
        "top topics": "temi principali", "pts": "punti", "no reviews": "nessuna recensione",
        "By location, all portals": "Per sede, tutti i portali",
        "The tables and charts are in the HTML version of this message.": "Tabelle e grafici sono nella versione HTML di questo messaggio.",
        // The lead/lag verdict.
        "95% CI": "IC 95%", "p (Holm)": "p (Holm)", "too few weeks": "troppo poche settimane",
        "Too few weeks with both portal reviews and CSAT answers (at least {n} pairs) to say whether one leads the other.":
            "Troppo poche settimane con recensioni sui portali e risposte CSAT insieme (ne servono almeno {n}) per dire se uno anticipa l'altro.",
        "No lead or lag beyond noise: none of the {n} correlations tested stays significant once corrected for testing them together (Holm); read r as a description only.":
            "Nessun anticipo o ritardo oltre il rumore: nessuna delle {n} correlazioni provate resta significativa una volta corretta per averle provate insieme (Holm); leggere r solo come descrizione.",
        "CSAT follows the portal's top-2-box by {n} weeks": "il CSAT segue il top-2-box del portale di {n} settimane",
        "the portal's top-2-box follows CSAT by {n} weeks": "il top-2-box del portale segue il CSAT di {n} settimane",
        "CSAT follows the portal's top-2-box by one week": "il CSAT segue il top-2-box del portale di una settimana",
        "the portal's top-2-box follows CSAT by one week": "il top-2-box del portale segue il CSAT di una settimana",
        "cross-portal": "tra portali diversi",
        "Top-2-box: the share of reviews in the scale's two highest points (4–5★). Net stars: that share minus the share in the two lowest (1–2★). Bayesian: the 0–100 average pulled towards the mean of every review of the week as if {n} more reviews had that mean, so a handful of reviews cannot look best or worst. Replied: the share of the week's reviews with the business's public reply.":
            "Top-2-box: la quota di recensioni nei due punti più alti della scala (4–5★). Stelle nette: quella quota meno la quota nei due più bassi (1–2★). Bayesiana: la media 0–100 avvicinata alla media di tutte le recensioni della settimana come se altre {n} recensioni avessero quella media, perché poche recensioni non sembrino le migliori o le peggiori. Con risposta: la quota delle recensioni della settimana con la risposta pubblica dell'attività.",
        "hollow, dashed: under 5 reviews": "vuoto, tratteggiato: meno di 5",
        // Alerts.
        "1 source gone quiet": "1 fonte silenziosa", "{n} sources gone quiet": "{n} fonti silenziose",
        "Reviews they would have brought are missing from flags and reports until they do again: check them with reputa sources.":
            "Le recensioni che avrebbero portato mancano da segnalazioni e report finché non tornano: controllatele con reputa sources.",
        "priority": "priorità", "flag": "segnalazione", "overdue since": "in ritardo dal", "due": "scadenza",
        "(no location)": "(senza sede)", "level urgent": "urgente", "level high": "alta", "level normal": "normale",
        "1 flagged review": "1 recensione segnalata", "{n} flagged reviews": "{n} recensioni segnalate",
        "{n} urgent": "urgenti: {n}", "{n} high": "alte: {n}", "{n} normal": "normali: {n}",
        "1 older flag not alerted one by one": "1 segnalazione meno recente non inviata una per una",
        "{n} older flags not alerted one by one": "{n} segnalazioni meno recenti non inviate una per una",
        "These reviews were older than {age} when this channel would first have heard of them (an imported history, or a channel added later).":
            "Queste recensioni avevano più di {age} quando questo canale ne avrebbe saputo per la prima volta (uno storico importato, o un canale aggiunto dopo).",
        "These reviews were old when this channel would first have heard of them (an imported history, or a channel added later).":
            "Queste recensioni erano vecchie quando questo canale ne avrebbe saputo per la prima volta (uno storico importato, o un canale aggiunto dopo).",
        "They are in the flag queue; the most urgent are below.": "Sono nella coda delle segnalazioni; le più urgenti sono qui sotto.",
        "See them all": "Vederle tutte", "minutes": "minuti",
        "Priority": "Priorità", "Deadline": "Scadenza", "Why": "Perché",
        "open in the inbox": "apri nella casella", "Open in the inbox": "Apri nella casella",
        "open the review": "apri la recensione", "Open the review": "Apri la recensione",
        "Open flag {n} in the inbox": "Apri la segnalazione {n} nella casella",
        // Internal metrics: names (MetricWords), scales, coverage.
        "CSAT (top-2-box %)": "CSAT (top-2-box %)", "CSAT mean": "CSAT medio", "CSAT low scores": "CSAT, punteggi bassi",
        "CSS (top-2-box %)": "CSS (top-2-box %)", "NPS": "NPS", "CES mean": "CES medio", "CES agree %": "CES, d'accordo %",
        "Net churn % (S − E) ÷ S": "Abbandono netto % (S − E) ÷ S", "Gross churn % (lost ÷ S)": "Abbandono lordo % (persi ÷ S)",
        "Retention %": "Fidelizzazione %", "Conversion %": "Conversione %",
        "First response time": "Tempo di prima risposta", "First response time (median)": "Tempo di prima risposta (mediana)",
        "First response time (p90)": "Tempo di prima risposta (p90)",
        "First assignment time": "Tempo di prima assegnazione", "First assignment time (median)": "Tempo di prima assegnazione (mediana)",
        "First assignment time (p90)": "Tempo di prima assegnazione (p90)",
        "Resolution time": "Tempo di risoluzione", "Resolution time (median)": "Tempo di risoluzione (mediana)",
        "Resolution time (p90)": "Tempo di risoluzione (p90)", "First-contact resolution %": "Risoluzione al primo contatto %",
        "Health score": "Punteggio di salute", "Portal rating (mean)": "Valutazione sul portale (media)",
        "Portal top-2-box %": "Top-2-box sul portale %", "ACSI index": "Indice ACSI",
        "percent": "percentuale", "minutes (business)": "minuti (lavorativi)", "minutes (calendar)": "minuti (di calendario)",
        "Cap per fetch": "Limite per recupero", "Earliest": "Più vecchia",
        // `reputa metrics` columns.
        "metric": "metrica", "period": "periodo", "segment": "segmento", "value": "valore", "ci_low": "ic_basso",
        "ci_high": "ic_alto", "scale": "scala", "detail": "dettaglio",
        "the portal's top-2-box and CSAT move together in the same week": "il top-2-box del portale e il CSAT si muovono insieme nella stessa settimana",
    ]
}
