/// Italian words and phrases of the negativity scorer (see `NegativityScorer`). Weights run
/// from −3 (strongly negative) to +3 (strongly positive). Idioms that contain a negation
/// ("mai più", "non lo consiglio") are phrases of their own, matched before the negation rule.
extension SentimentTerms {
    static let italian = Lexicon("""
    # Strongly negative
    -3: pessim*, orribil*, orrend*, schifo, schifos*, fa schifo, facevano schifo, vergogn*, disgustos*, indecent*, \
        inaccettabil*, inammissibil*, scandalos*, vomitevol*, immangiabil*, disastro, disastros*, terribil*, \
        da evitare, evitate, evitatelo, evitare assolutamente, mai piu, mai e poi mai, non ci torner*, non torner*, \
        non lo consiglio, non la consiglio, non li consiglio, non consiglio, sconsiglio, sconsigliat*, \
        soldi buttati, soldi sprecati, buttati via, un furto, una rapina, delusione totale, truffa, incompetent*, \
        a dir poco vergognoso, peggior*, il peggio, squallid*, ridicol*, vergognarsi, tanto fumo e poco arrosto, \
        cosi non si puo, non si puo, non e accettabile, frode, fraudolent*, violazione dei dati
    # Negative
    -2: delusion*, delus*, deludent*, scadent*, male, malissimo, brutt*, sporc*, maleducat*, scortes*, arrogant*, \
        sgarbat*, antipatic*, lamentel*, lamento, reclamo, reclami, problema, problemi, pessima esperienza, \
        lascia a desiderare, lasciano a desiderare, lasciava a desiderare, non vale, non valgono, non merita, \
        non ne vale la pena, da rivedere, insoddisfatt*, rimborso, rimborsare, nessuna risposta, nessuno risponde, \
        nessuno ha risposto, nessuno mi ha risposto, non rispondono, non risponde, non ha risposto, mai risposto, \
        ignorat*, bloccat*, si blocca, si chiude da sola, crasha, non funziona, non funzionava, non funzionano, \
        inutilizzabil*, inutil*, errore, errori, sbagliat*, dimenticat*, rott*, bruciat*, crudo dentro, poco cotto, poco cotta, immangiabile, \
        insipid*, stantio, stantia, scadut*, caro, cari, carissim*, salat*, esagerat*, spennati, spennato, \
        attesa infinita, un'eternita, eternita, lentissim*, in ritardo, ritardo, ritardi, mancava, mancavano, \
        tiepid*, puzza, puzzava, odore, rumoros*, caotic*, confusionari*, \
        peccato, purtroppo, sfortunatamente, arrabbiat*, furios*, indignat*, amareggiat*, snervante, \
        con sufficienza, crash, va in crash, non autorizzat*, nessuno mi ha mai, nessuno ci ha mai, ancora aspetto, \
        sto ancora aspettando, nessuna soluzione, nessun aiuto, senza avvisare, senza chiedere, mai arrivat*, \
        😡, 😠, 🤬, 🤮, 🤢, 👎, 💩, 😤
    -1.5: lento, lenta, lenti, lente, lentezza, mediocr*, banal*, nella media, niente di speciale, \
        cosi cosi, freddo, fredda, freddi, fredde, costos*, poco cortese, disorganizzat*, approssimativ*, sufficiente, aspettato, aspettare, \
        abbiamo aspettato, attesa, attese, minuti di attesa, ore di attesa, niente di che, non riesco, gelid*, \
        blocchi, dopo un ora, dopo due ore, addebitato, mi hanno addebitato, 😞, 😔, 😢, 😭, 😒, 🙁, ☹
    # Positive
    +3: eccezional*, straordinari*, spettacolar*, meravigli*, fantastic*, stupend*, favolos*, eccellent*, \
        perfett*, superlativ*, il migliore, la migliore, i migliori, top, al top, consigliatissim*, \
        strepitos*, sublime, divin*, impeccabil*
    +2: ottim*, buonissim*, squisit*, delizios*, gentilissim*, cordial*, disponibilissim*, professional*, \
        consiglio, consigliat*, consiglierei, lo consiglio, la consiglio, raccomand*, bravissim*, bellissim*, \
        splendid*, piacevolissim*, soddisfatt*, contento, contenta, contenti, contentissim*, felice, felici, \
        torneremo, tornero, ritornero, ci torneremo, da tornare, da provare, grazie mille, top top, mai piu senza, \
        problema risolto, problemi risolti, cosi si fa, \
        😍, 🥰, 😋, 👍, 👌, ❤, 💯, 🔝, ⭐, 🤩, 😊
    +1.5: buono, buona, buoni, buone, bello, bella, belli, belle, gentil*, disponibil*, accoglient*, \
        piacevol*, veloce, veloci, rapido, rapida, rapidi, puntual*, pulit*, gustos*, saporit*, \
        abbondant*, comod*, cortes*, simpatic*, grazie, funziona, funziona bene, tutto ok, \
        apprezzat*, piaciut*, piace, piacciono, ben fatto, bene, benissimo, risolto, risolta, risolti, \
        all altezza, accettabil*, soluzione, soddisfacent*, onesto, onesti, giusto, valido, semplice, intuitiv*, \
        🙂, 😀, 😃, 👏, 🙏
    +1: ok, discreto, discreta, carino, carina, carini, nella norma, niente da dire
    """)

    static let italianGrammar = Lexicon("""
    # Negators: flip the next sentiment word within four words.
    0: non, mai, nessun, nessuno, nessuna, niente, nulla, senza, neanche, nemmeno, neppure, poco, poca, poche, pochi, \
       per niente, per nulla, affatto
    """)

    static let italianBoosters = Lexicon("""
    1.5: molto, davvero, veramente, troppo, assolutamente, estremamente, proprio, decisamente, super, tanto, \
         tantissimo, completamente, totalmente, del tutto, per niente, affatto, per nulla, incredibilmente
    0.5: un po, un poco, leggermente, abbastanza, piuttosto, quasi
    """)

    static let italianContrast = Lexicon("""
    0: ma, pero, tuttavia, invece, peccato, purtroppo, sfortunatamente
    """)
}
