/// The urgent categories Reputa knows without configuration, each with its Italian and English
/// terms. `flags.categories` in `sources.yml` replaces one by id or adds more. When several
/// match, the highest priority is the review's category (earlier in this list on a tie).
///
/// Terms are chosen to name the harm, not the topic: "glass of wine" is no hazard, "pezzo di
/// vetro" is; an allergy mentioned in praise ("perfetto per chi ha allergie") is not flagged,
/// because categories count only on a review that is negative (see `Flagger`). A word that
/// means harm in one language and something else in another is tagged with its language
/// (`en:sue`, `it:truffe`) and counts only in reviews in that language (or undetermined ones).
public enum UrgentCategories {
    public static let defaults: [TermGroup] = [
        TermGroup(id: "food_safety", name: "health and safety (food)", terms: [
            "intossicazion*", "intossicat*", "avvelenat*", "avvelenament*", "salmonell*", "listeri*", "vomito",
            "vomitato", "dissenteria", "gastroenterit*", "capello nel", "capelli nel", "un capello",
            "vetro", "pezzo di vetro", "frammento di vetro", "scarafagg*", "blatta", "blatte", "topo", "topi", "insetto nel",
            "vermi", "muffa", "ammuffit*", "avariat*", "andato a male", "scaduto da",
            "food poisoning", "poisoned", "poisoning", "salmonella", "e coli", "listeria", "vomiting", "vomited",
            "diarrhea", "diarrhoea", "hair in", "a hair", "piece of glass", "shard*", "broken glass",
            "cockroach*", "roach", "roaches", "mouse droppings", "rat", "rats", "maggot*", "mould", "mouldy",
            "moldy", "raw chicken", "undercooked chicken", "got sick", "were sick", "being sick", "made us sick",
            "made me sick",
        ], priority: 95, level: .urgent),
        TermGroup(id: "allergy", name: "health and safety (allergy)", terms: [
            "allergi*", "allergic*", "anafilass*", "anafilattic*", "anaphyla*", "epipen", "antistaminic*",
            "antihistamine*", "celiachia", "contaminazione", "contaminat*", "cross contamination",
        ], priority: 95, level: .urgent),
        TermGroup(id: "legal_threat", name: "legal threat", terms: [
            "avvocat*", "denuncia", "denunce", "denuncer*", "denunciar*", "denunciat*", "querela*", "vie legali",
            "azione legale", "azioni legali", "carabinieri", "chiamato la polizia", "i nas", "ai nas",
            "lawyer*", "attorney*", "en:sue", "suing", "sued", "lawsuit*", "legal action", "small claims",
            "trading standards", "health department", "health inspector*", "called the police",
        ], priority: 90, level: .urgent),
        TermGroup(id: "data_leak", name: "privacy and data leak", terms: [
            "dati personali", "miei dati", "violazione dei dati", "data breach", "dati della carta",
            "violazione della privacy", "violato la privacy", "violata la privacy", "privacy violata", "privacy violation",
            "breach of privacy", "invasion of privacy",
            "gdpr", "garante", "leak", "leaked", "leaks", "personal data", "my data", "card details",
            "hacked", "account compromesso", "compromised", "phishing", "identity theft", "furto di identita",
        ], priority: 90, level: .urgent),
        TermGroup(id: "fraud", name: "fraud", terms: [
            "truffa", "it:truffe", "truffato", "truffata", "truffati", "truffate", "truffator*", "truffaldin*", "frode", "fraudolent*", "addebito non autorizzato", "addebiti non autorizzati",
            "addebitato due volte", "doppio addebito", "pagato due volte", "estorsione",
            "scam", "scams", "scammed", "scammer*", "fraud", "fraudulent", "unauthorized charge*",
            "unauthorised charge*", "charged twice", "double charged", "double charge", "stole", "stolen",
            "theft", "thieves",
        ], priority: 85, level: .urgent),
        TermGroup(id: "discrimination", name: "discrimination", terms: [
            "razzis*", "razzial*", "discrimin*", "omofob*", "sessis*", "transfob*", "xenofob*",
            "racis*", "racial*", "homophob*", "sexis*", "transphob*", "xenophob*",
        ], priority: 85, level: .urgent),
        TermGroup(id: "injury", name: "health and safety (injury)", terms: [
            "ustion*", "ustionat*", "ferit*", "ferimento", "sono caduto", "sono caduta", "scivolat*",
            "dente rotto", "pronto soccorso", "ospedale", "ambulanza",
            "injury", "injured", "injuries", "burned my", "burnt my", "scalded", "slipped and fell",
            "broke my tooth", "broken tooth", "emergency room", "hospital", "ambulance",
        ], priority: 85, level: .urgent),
        TermGroup(id: "staff_abuse", name: "staff abuse", terms: [
            "aggredit*", "aggression*", "spintonat*", "mi ha spinto", "insultat*", "mi ha insultato",
            "molest*", "minacciat*", "minacce", "urlato contro", "ci ha urlato", "mi ha urlato", "schiaffo",
            "assault*", "shoved", "pushed me", "insulted", "harass*", "threatened", "threatening", "yelled at",
            "screamed at", "slapped", "grabbed me", "verbally abused", "abusive",
        ], priority: 80, level: .urgent),
        TermGroup(id: "refund_demand", name: "refund demand", terms: [
            "rimbors*", "soldi indietro", "i miei soldi", "restituzione", "storno", "chargeback",
            "refund*", "money back", "my money", "reimburse*",
        ], priority: 60, level: .high),
    ]
}
