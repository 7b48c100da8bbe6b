/// German words and phrases of the negativity scorer (see `NegativityScorer`). Weights run
/// from −3 (strongly negative) to +3 (strongly positive). Idioms that contain a negation
/// ("nie wieder", "nicht zu empfehlen") are phrases of their own, matched before the negation
/// rule; so are the common cases where "nicht" follows the word it negates ("gefällt mir
/// nicht"), which the backward-looking negation rule cannot see. Umlauts fold ("schön" is
/// "schon", the same word as "already", so only its inflected forms are listed); ß stays.
/// Checked against the labelled German reviews (app reviews, coffee reviews); no review text
/// is copied here.
extension SentimentTerms {
    static let german = Lexicon("""
    # Strongly negative
    -3: schrecklich*, furchtbar*, grauenhaft*, grauenvoll*, katastroph*, desastros*, entsetzlich*, miserabel*, \
        unterirdisch*, ekelhaft*, eklig*, ekelig*, widerlich*, abstoßend*, abstossend*, ungenießbar*, \
        ungeniessbar*, unverschamt*, frechheit, zumutung, skandal*, inakzeptabel*, unakzeptabel*, schande, \
        lacherlich*, schlechteste, schlechtesten, schlechtester, schlechtestes, am schlechtesten, \
        nie wieder, niemals wieder, nie mehr wieder, nicht zu empfehlen, nicht empfehlenswert, nicht empfehlen, \
        nicht weiterempfehlen, nicht weiter empfehlen, keine empfehlung, empfehle ich nicht, empfehlen wir nicht, \
        empfehle ich niemandem, finger weg, abzocke*, abgezockt, betrug, betruger*, betrugerisch*, reinfall, \
        geldverschwendung, zeitverschwendung, rausgeschmissenes geld, inkompetent*, das letzte, mull, schrott*, \
        schwachsinn*, ein witz, taugt nichts, taugt nix, geht gar nicht, noch nie so schlecht, selten so schlecht, \
        null sterne, 0 sterne, keine sterne, datenmissbrauch
    # Negative
    -2: schlecht, schlechte, schlechter, schlechtes, schlechten, schlechtem, enttausch*, unmoglich*, witz, keinen sinn, ging schief, geht schief, \
        lief schief, schiefgelaufen, unfreundlich*, \
        unhoflich*, frech, arrogant*, herablassend*, patzig*, murrisch*, genervt, nervig*, nervt, argerlich*, \
        wutend, unzufrieden*, schmutzig*, dreck*, verdreckt*, ungepflegt*, heruntergekommen*, beschwerde, \
        reklamation*, mangelhaft*, fehler, fehlerhaft*, funktioniert nicht, funktioniert nicht mehr, \
        funktionierte nicht, geht nicht, ging nicht, klappt nicht, klappte nicht, sturzt ab, sturzt standig ab, \
        absturz*, abgesturzt, hangt sich auf, kaputt*, defekt*, falsch, falsche, falschen, falscher, falsches, \
        lauwarm, verbrannt, angebrannt, fad, fade, geschmacklos*, versalzen, labberig*, matschig*, \
        zu teuer, uberteuert*, wucher*, lange gewartet, verspatet*, verspatung*, unpunktlich*, \
        leider, schade, bedauerlich*, traurig*, keine antwort, keine reaktion, keine ruckmeldung, nicht erreichbar, \
        niemand erreichbar, nie geantwortet, nie erreicht, ignoriert, unbrauchbar*, nutzlos*, wertlos*, \
        uberflussig*, sinnlos*, sinnfrei, bringt nichts, bringt nix, fur die katz, ungenugend*, durftig*, \
        stinkt, stank, gestank, verschimmelt*, schimmlig*, ungeziefer, kakerlak*, dreist*, mist, unprofessionell*, \
        unzuverlassig*, lohnt sich nicht, lohnt nicht, nicht wert, nicht das geld wert, nicht sein geld wert, \
        gefallt mir nicht, gefallt uns nicht, gefiel mir nicht, gefiel uns nicht, schmeckt nicht, schmeckte nicht, \
        schmeckt nach nichts, ohne vorwarnung, ohne nachfrage, nie angekommen, nie erhalten, warte immer noch, \
        immer noch nicht, keine losung, keine hilfe, nicht autorisiert*, \
        😡, 😠, 🤬, 🤮, 🤢, 👎, 💩, 😤
    -1.5: mittelmaßig*, mittelmassig*, durchschnittlich*, naja, na ja, geht so, nichts besonderes, \
        nix besonderes, nichts besondres, ausbaufahig*, verbesserungswurdig*, \
        verbesserungsbedurftig*, langweilig*, lieblos*, teuer, teure, teurer, teures, kalt, kalte, kalter, \
        kaltes, kalten, zah, zu trocken, zu salzig, zu laut, larm*, wartezeit*, warten, gewartet, wartet, \
        ewig, ewigkeit, langsam*, vergessen, vergeblich*, kompliziert*, umstandlich*, unubersichtlich*, \
        unverstandlich*, unbequem*, unangenehm*, ungemutlich*, problem, probleme, problemen, \
        nach einer stunde, nach zwei stunden, abgebucht, angeblich, 😞, 😔, 😢, 😭, 😒, 🙁, ☹
    # Positive
    +3: hervorragend*, ausgezeichnet*, exzellent*, perfekt*, fantastisch*, phantastisch*, großartig*, \
        grossartig*, wunderbar*, wundervoll*, traumhaft*, sensationell*, spitze, spitzenklasse, erstklassig*, \
        grandios*, herausragend*, uberragend*, einwandfrei*, tadellos*, top, absolut top, der beste, die beste, \
        das beste, beste, besten, bester, klare empfehlung, absolute empfehlung, volle punktzahl, \
        noch nie so gut, selten so gut, sehr zu empfehlen, nur zu empfehlen, wunderschon*
    +2: lecker*, kostlich*, super, toll, tolle, toller, tolles, tollen, tollem, klasse, prima, genial*, \
        empfehlenswert*, empfehle, empfehlen, zu empfehlen, weiterempfehlen, kann ich empfehlen, gerne wieder, \
        immer wieder gerne, jederzeit wieder, kommen wieder, kommen gerne wieder, wiederkommen, zufrieden, \
        begeistert, freundlich*, herzlich*, hilfsbereit*, zuvorkommend*, kompetent*, professionell*, \
        gemutlich*, liebevoll*, vielen dank, dankeschon, froh, glucklich*, problemlos*, reibungslos*, \
        ohne probleme, keine probleme, keinerlei probleme, ohne problem, kein problem, lohnt sich, \
        liebe es, lieben es, ich liebe, gefallt mir, gefallt uns, hat mir gefallen, hat uns gefallen, \
        gut gefallen, bestens, unkompliziert*, optimal*, fehlerfrei*, \
        😍, 🥰, 😋, 👍, 👌, ❤, 💯, 🔝, ⭐, 🤩, 😊
    +1.5: gut, gute, guter, gutes, guten, gutem, schone, schoner, schones, nett, nette, netter, nettes, \
        netten, angenehm*, schnell, schnelle, schnellen, zugig*, punktlich*, sauber*, frisch*, \
        reichlich*, großzugig*, grosszugig*, preiswert*, gunstig*, fair, faire, fairen, bequem*, \
        ubersichtlich*, einfach zu bedienen, leicht zu bedienen, intuitiv*, praktisch*, hilfreich*, nutzlich*, \
        funktioniert, funktioniert gut, funktioniert einwandfrei, lauft, stabil, zuverlassig*, sinnvoll*, \
        gelost, behoben, passt, danke, gefallt, gefallen, empfehlung, informativ*, interessant*, cool, \
        verstandlich*, hilft, lob, \
        🙂, 😀, 😃, 👏, 🙏
    +1: ok, okay, in ordnung, ganz gut, ganz ok, solide, akzeptabel*, ordentlich*, brauchbar*
    # Neutral uses of sentiment words
    0: nicht nur, guten tag, guten morgen, guten abend, gute nacht, guten appetit, liebe grusse, viele grusse, \
       beste grusse, schone grusse, mit freundlichen grußen, mit freundlichen grussen, freundliche grusse, \
       freundlichen grußen, freundlichen grussen, schlechten bewertungen, schlechten rezensionen, \
       schlechten kritiken
    """)

    static let germanGrammar = Lexicon("""
    # Negators: flip the next sentiment word within four words ("nicht gut", "keine gute Idee").
    0: nicht, kein*, nie, niemals, nichts, nix, niemand, ohne, kaum, weder, garnicht, gar nicht, wenig, \
       uberhaupt nicht, noch nie
    """)

    static let germanBoosters = Lexicon("""
    1.5: sehr, total, totale, totaler, extrem, echt, wirklich, absolut, absolute, absoluter, vollig, komplett, \
         richtig, mega, unglaublich, außerst, ausserst, besonders, viel zu, uberhaupt, einfach nur, \
         durchweg, wahnsinnig, sowas von, so
    0.5: etwas, ein bisschen, ein wenig, eher, fast, relativ, recht, bisschen, leicht, etwas zu
    """)

    static let germanContrast = Lexicon("""
    0: aber, jedoch, allerdings, leider, schade, trotzdem, dennoch, nur leider
    """)
}
