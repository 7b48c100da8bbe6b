/// The topic taxonomy Reputa knows without configuration, with Italian and English terms.
/// `flags.topics` in `sources.yml` replaces a topic by id or adds more. Topics say what a
/// complaint is about; routes and spikes use them.
public enum Topics {
    public static let defaults: [TermGroup] = [
        TermGroup(id: "price", name: "price", terms: [
            "prezz*", "caro", "cara", "cari", "care", "carissim*", "costos*", "conto salato", "salato",
            "qualita prezzo", "coperto", "spennat*", "esagerat*",
            "price", "prices", "pricey", "expensive", "overpriced", "value for money", "rip off", "ripoff", "cost",
        ]),
        TermGroup(id: "staff", name: "staff", terms: [
            "camerier*", "personale", "staff", "titolare", "gestore", "responsabile", "direttore", "receptionist",
            "maleducat*", "scortes*", "sgarbat*", "arrogant*", "assistenza clienti", "servizio clienti", "operator*",
            "waiter*", "waitress*", "server", "manager", "owner", "host", "hostess", "rude", "impolite",
            "customer service", "support", "agent",
        ]),
        TermGroup(id: "waiting_time", name: "waiting time", terms: [
            "attes*", "aspett*", "lento", "lenta", "lenti", "lentezza", "lentissim*", "ritard*", "minuti", "ore",
            "un'ora", "eternita",
            "wait", "waited", "waiting", "slow", "slowly", "late", "delay*", "forever", "minutes", "hours", "an hour",
        ]),
        TermGroup(id: "cleanliness", name: "cleanliness", terms: [
            "sporc*", "pulit*", "pulizia", "igien*", "bagno", "bagni", "puzza", "puzzava", "muffa",
            "dirty", "filthy", "clean", "cleanliness", "hygiene", "toilet*", "bathroom*", "smell*", "sticky",
        ]),
        TermGroup(id: "quality", name: "food and product quality", terms: [
            "cibo", "piatto", "piatti", "cucina", "qualita", "sapore", "gusto", "freddo", "fredda", "tiepid*",
            "bruciat*", "insipid*", "scotta", "scotti", "porzion*", "ingredient*", "pizza", "pasta", "risotto",
            "food", "dish", "dishes", "meal", "meals", "taste", "tasteless", "bland", "cold", "lukewarm", "burnt",
            "undercooked", "overcooked", "stale", "portion*", "quality",
        ]),
        TermGroup(id: "delivery", name: "delivery", terms: [
            "consegn*", "rider", "fattorino", "corriere", "spedizion*", "pacco", "domicilio",
            "delivery", "delivered", "courier", "driver", "package", "parcel", "shipping", "shipped",
        ]),
        TermGroup(id: "billing", name: "billing and payment", terms: [
            "addebit*", "conto", "fattur*", "scontrino", "pagament*", "pagare", "pagato", "carta di credito",
            "rimbors*",
            "bill", "billing", "charged", "charge", "charges", "invoice", "receipt", "payment*", "refund*",
            "credit card",
        ]),
        TermGroup(id: "app", name: "app crash and login", terms: [
            "crash*", "si blocca", "bloccat*", "si chiude", "non si apre", "bug", "errore", "aggiornamento",
            "accesso", "login", "password", "schermata", "notifich*",
            "crashes", "crashed", "crashing", "freez*", "frozen", "won't open", "not open", "error", "update",
            "log in", "sign in", "screen", "notification*", "buggy",
        ]),
        TermGroup(id: "booking", name: "booking", terms: [
            "prenot*", "tavolo", "disdett*",
            "booking", "booked", "reservation*", "reserved", "table",
        ]),
        TermGroup(id: "noise", name: "noise", terms: [
            "rumor*", "chiass*", "musica alta", "confusione",
            "noisy", "noise", "loud",
        ]),
    ]
}
