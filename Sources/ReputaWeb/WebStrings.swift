/// Every string a page of `reputa serve` shows, in English and Italian. Templates read them as
/// `{{t.key}}`; a test checks that every key a template names is here (and both languages are,
/// by construction).
public enum WebStrings {
    public static let languages = ["en", "it"]

    static let table: [String: (en: String, it: String)] = [
        "app": ("Reputa on-call", "Reputa reperibilità"),
        "sign_in": ("Sign in", "Accedi"),
        "sign_out": ("Sign out", "Esci"),
        "name": ("Name", "Nome"),
        "password": ("Password", "Password"),
        "signed_in_as": ("Signed in as", "Accesso come"),
        "bad_credentials": ("Wrong name or password.", "Nome o password errati."),
        "locked": ("Too many failed sign-ins: try again after %@.", "Troppi accessi falliti: riprova dopo il %@."),
        "no_users": ("No user can sign in yet: an administrator adds one with `reputa users add NAME`.",
                     "Nessun utente può ancora accedere: un amministratore ne aggiunge uno con `reputa users add NOME`."),
        "queue": ("Flags", "Segnalazioni"),
        "filters": ("Filters", "Filtri"),
        "apply": ("Apply", "Applica"),
        "status": ("Status", "Stato"),
        "level": ("Level", "Livello"),
        "location": ("Location", "Sede"),
        "portal": ("Portal", "Portale"),
        "no_location": ("no location", "nessuna sede"),
        "topic": ("Topic", "Tema"),
        "assignee": ("Assigned to", "Assegnata a"),
        "mine": ("Only mine", "Solo le mie"),
        "search": ("Search the text", "Cerca nel testo"),
        "any": ("any", "qualsiasi"),
        "nobody": ("nobody", "nessuno"),
        "status_unresolved": ("unresolved", "da risolvere"),
        "status_open": ("open", "aperta"),
        "status_acked": ("acknowledged", "presa in carico"),
        "status_resolved": ("resolved", "risolta"),
        "status_overdue": ("overdue", "in ritardo"),
        "status_all": ("all", "tutte"),
        "level_urgent": ("urgent", "urgente"),
        "level_high": ("high", "alta"),
        "level_normal": ("normal", "normale"),
        "count": ("%@ flags", "%@ segnalazioni"),
        "count_one": ("1 flag", "1 segnalazione"),
        "page_of": ("page %1 of %2", "pagina %1 di %2"),
        "count_over": ("more than %@ flags", "oltre %@ segnalazioni"),
        "page": ("page %@", "pagina %@"),
        "previous_page": ("Previous", "Precedenti"),
        "next_page": ("Next", "Successive"),
        "none_match": ("No flag matches these filters.", "Nessuna segnalazione corrisponde ai filtri."),
        "due_in": ("due in %@", "scade tra %@"),
        "overdue_by": ("overdue by %@", "in ritardo di %@"),
        "business_hours": ("business hours", "orario lavorativo"),
        "resolved_at": ("resolved %@", "risolta il %@"),
        "no_rating": ("no rating", "senza voto"),
        "flag": ("Flag %@", "Segnalazione %@"),
        "back": ("Back to the flags", "Torna alle segnalazioni"),
        "review": ("Review", "Recensione"),
        "author": ("Author", "Autore"),
        "written": ("Written", "Scritta"),
        "language": ("Language", "Lingua"),
        "rating": ("Rating", "Voto"),
        "why": ("Why it was flagged", "Perché è stata segnalata"),
        "categories": ("Urgent categories", "Categorie urgenti"),
        "topics": ("Topics", "Temi"),
        "deadline": ("Deadline", "Scadenza"),
        "history": ("History", "Cronologia"),
        "no_history": ("Nothing done yet.", "Ancora nessuna azione."),
        "links": ("On the portal", "Sul portale"),
        "public_link": ("Open the review", "Apri la recensione"),
        "reply_link": ("Open the reply page", "Apri la pagina di risposta"),
        "portal_page_link": ("Open the portal's page (all reviews: the portal has no page per review)",
                             "Apri la pagina del portale (tutte le recensioni: il portale non ne ha una per recensione)"),
        "no_public_link": ("No public link: the portal gives none for this review.",
                           "Nessun link pubblico: il portale non ne fornisce per questa recensione."),
        "actions": ("Actions", "Azioni"),
        "ack": ("Acknowledge", "Prendi in carico"),
        "assign": ("Assign", "Assegna"),
        "assign_to": ("Assign to", "Assegna a"),
        "comment": ("Comment", "Commenta"),
        "resolve": ("Resolve", "Risolvi"),
        "reopen": ("Reopen", "Riapri"),
        "note": ("Note", "Nota"),
        "viewer_only": ("You can read flags; acting on them needs the on-call role.",
                        "Puoi leggere le segnalazioni; per agire serve il ruolo di reperibile."),
        "event_acked": ("acknowledged", "presa in carico"),
        "event_assigned": ("assigned", "assegnata"),
        "event_commented": ("commented", "commento"),
        "event_resolved": ("resolved", "risolta"),
        "event_reopened": ("reopened", "riaperta"),
        "event_flagged": ("flagged", "segnalata"),
        "event_updated": ("updated", "aggiornata"),
        "by": ("by", "da"),
        "forbidden": ("This flag is not in your locations.", "Questa segnalazione non è delle tue sedi."),
        "not_found": ("No such page.", "Pagina inesistente."),
        "not_allowed": ("Your role cannot do this.", "Il tuo ruolo non lo consente."),
        "bad_request": ("The form was not valid: reload the page and try again.",
                        "Il modulo non era valido: ricarica la pagina e riprova."),
        "error": ("Something went wrong; the log says what.", "Qualcosa è andato storto; il log dice cosa."),
        "done_ack": ("Acknowledged.", "Presa in carico."),
        "done_assign": ("Assigned.", "Assegnata."),
        "done_comment": ("Comment added.", "Commento aggiunto."),
        "done_resolve": ("Resolved.", "Risolta."),
        "done_reopen": ("Reopened.", "Riaperta."),
        "continue": ("Continue", "Continua"),
        "reply": ("Reply", "Risposta"),
        "save_draft": ("Save the draft", "Salva la bozza"),
        "copy": ("Copy", "Copia"),
        "draft_proposed": ("A draft proposed in the review's language (%@): edit it, copy it, and post it on the portal.",
                           "Una bozza proposta nella lingua della recensione (%@): modificala, copiala e pubblicala sul portale."),
        "draft_saved_by": ("Draft saved by %1 on %2.", "Bozza salvata da %1 il %2."),
        "done_draft": ("Draft saved.", "Bozza salvata."),
        "event_drafted": ("reply drafted", "bozza di risposta"),
    ]

    /// `key` in `lang` (English when the language is not one of `languages`).
    public static func text(_ key: String, _ lang: String) -> String {
        guard let entry = table[key] else { return key }
        return lang == "it" ? entry.it : entry.en
    }

    /// `key` with `%@` replaced by `value`.
    public static func text(_ key: String, _ lang: String, _ value: String) -> String {
        text(key, lang).replacingOccurrences(of: "%@", with: value)
    }

    /// The whole table in `lang`, for a template's `t`: built once per language, not per page.
    static func all(_ lang: String) -> [String: String] {
        lang == "it" ? italian : english
    }

    static let english = table.mapValues(\.en)
    static let italian = table.mapValues(\.it)
}
