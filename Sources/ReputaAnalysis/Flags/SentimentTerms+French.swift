/// French words and phrases of the negativity scorer (see `NegativityScorer`). Weights run
/// from −3 (strongly negative) to +3 (strongly positive). Idioms that contain a negation
/// ("à éviter", "ne vaut pas", "n'hésitez pas") are phrases of their own, matched before the
/// negation rule. Tokens split at apostrophes: "n'est" is "n est", "l'attente" is "l attente".
/// Checked against the labelled French reviews (Lyon restaurants, app reviews); no review text
/// is copied here.
extension SentimentTerms {
    static let french = Lexicon("""
    # Strongly negative
    -3: horrible*, affreu*, execrable*, lamentable*, catastroph*, desastr*, scandaleu*, scandalis*, honte, honteu*, \
        inadmissible*, inacceptable*, degoutant*, degueulasse*, immangeable*, infect, infecte, nul, nulle, nuls, \
        nulles, nullissime, pire, pires, le pire, la pire, a eviter, a fuir, fuyez, evitez, plus jamais, jamais plus, \
        ne reviendr*, n y reviendr*, ne retourner*, n y retourner*, ne remettr*, \
        ne recommande pas, ne recommande, je ne recommande, ne recommanderai*, ne conseille pas, ne conseille, \
        deconseill*, a deconseiller, ne vaut pas, ne vaut rien, vaut pas, n en vaut pas, ne valent pas, \
        arnaqu*, escroc*, escroquer*, voleur*, c est du vol, perte de temps, perte d argent, argent jete, \
        incompetent*, incompetence, meprisant*, ridicule*, pitoyable*, minable*, deplorable*, inutilisable*, \
        zero etoile, 0 etoile, aucune etoile, fraude, frauduleu*, violation des donnees, du grand n importe quoi
    # Negative
    -2: decev*, decu, decue, decus, decues, deception*, mauvais, mauvaise, mauvaises, mal, mediocr*, sale, sales, \
        salete*, crasseu*, impoli*, malpoli*, mal poli, desagreable*, grossier*, arrogant*, hautain*, irrespectueu*, \
        odieu*, plainte*, reclamation*, pas terrible, pas top, pas fou, pas genial, pas a la hauteur, \
        laisse a desirer, laissait a desirer, laissent a desirer, laissaient a desirer, insatisfait*, \
        aucune reponse, pas de reponse, sans reponse, personne ne repond, ne repond pas, ne repondent pas, \
        ne repond jamais, jamais de reponse, aucun retour, ne fonctionne pas, ne fonctionne plus, fonctionne pas, \
        ne fonctionnait pas, ne marche pas, ne marche plus, marche pas, ne sert a rien, sert a rien, ne sert rien, \
        inutile*, erreur*, plante, crash, bloque, bloquee, \
        trop cuit, trop cuite, pas assez cuit, pas cuit, pas cuite, mal cuit, fade, fades, insipide*, sans saveur*, \
        sans gout, sans interet, aucun interet, rassis, tiede*, salee, salees, trop sec, trop seche, trop gras, trop grasse, sans succes, \
        trop cher, hors de prix, excessif*, exorbitant*, abusif*, \
        longue attente, en retard, retard, retards, oublie, oubliee, oublies, oubliees, oublie de, \
        puant*, pue, puait, infeste, cafard*, punaise*, moisi*, \
        dommage, malheureusement, helas, enerv*, furieu*, agace*, decourag*, triste*, \
        n importe quoi, sans prevenir, sans demander, jamais arrive, jamais arrivee, jamais recu, toujours pas recu, \
        j attends toujours, toujours en attente, aucune solution, aucune aide, non autorise*, \
        😡, 😠, 🤬, 🤮, 🤢, 👎, 💩, 😤
    -1.5: lent, lente, lents, lentes, lenteur*, moyen, moyenne, moyens, bof, rien de special, \
        rien d exceptionnel, rien de transcendant, rien d extraordinaire, rien de fou, quelconque*, banal*, \
        passable, froid, froide, froids, froides, cher, chere, chers, cheres, couteu*, attente, \
        attendre, attendu, avons attendu, a attendu, minutes d attente, heure d attente, bruyant*, bruit, \
        bruits, odeur*, desorganis*, probleme, impossible, \
        trop long, trop longue, apres une heure, au bout d une heure, debite, preleve*, \
        😞, 😔, 😢, 😭, 😒, 🙁, ☹
    # Positive
    +3: excellent*, exceptionnel*, parfait*, magnifique*, merveilleu*, formidable*, extraordinaire*, sublime*, \
        superbe*, fantastique*, incroyable*, exquis*, impeccable*, irreprochable*, genialissime, le meilleur, \
        la meilleure, les meilleurs, les meilleures, top, au top, a recommander, je recommande vivement, \
        recommande vivement, vivement recommande, un regal, un delice, une merveille, une pepite, nickel, \
        un sans faute, rien a redire, sans hesiter, sans hesitation, n hesitez pas, n hesitez surtout pas
    +2: delicieu*, savoureu*, succulent*, genial, geniale, geniaux, super, bravo, chaleureu*, accueillant*, \
        souriant*, attentionne*, aimable*, serviable*, professionnel*, recommand*, conseill*, ravi, ravie, ravis, \
        ravies, enchante*, satisfait*, content, contente, contents, contentes, heureux, heureuse, heureuses, merci beaucoup, \
        merci pour, ador*, j adore, regal*, delice*, merveille*, reviendr*, y retourner*, retournerons, \
        a refaire, a tester, a decouvrir, a essayer, a ne pas manquer, bonheur, indispensable*, impressionnant*, bon rapport qualite prix, \
        excellent rapport qualite prix, aucun probleme, pas de probleme, sans probleme, sans aucun probleme, \
        aucun souci, pas de souci, sans souci, sans soucis, ne regrette pas, pas regrette, ne regretterez pas, \
        regretterez pas, probleme resolu, probleme regle, \
        😍, 🥰, 😋, 👍, 👌, ❤, 💯, 🔝, ⭐, 🤩, 😊
    +1.5: bon, bonne, bons, bonnes, bien, beau, belle, beaux, belles, joli*, agreable*, sympa, sympas, \
        sympathique*, convivial*, rapide*, rapidement, efficace*, propre, propres, frais, fraiche, fraiches, \
        copieu*, genereu*, raffine*, pratique, pratiques, utile, utiles, simple, simples, facile*, intuiti*, \
        fonctionne, fonctionne bien, marche bien, merci, apprecie*, aime, aimons, j aime, plait, m a plu, \
        nous a plu, calme, confortable*, spacieu*, soigne*, raisonnable*, abordable*, resolu, \
        pas mal, interessant*, rassurant*, \
        🙂, 😀, 😃, 👏, 🙏
    +1: ok, correct, correcte, corrects, correctes, rien a dire
    # Neutral uses of sentiment words
    0: bien sur, eh bien, ou bien, bien que, aussi bien, bien entendu, bien evidemment, bien cuit, si bien, \
       non seulement, creme brulee
    """)

    static let frenchGrammar = Lexicon("""
    # Negators: flip the next sentiment word within four words. "ne … pas" comes as two words,
    # and often as "pas" alone; "n" is "ne" before a vowel ("n'est").
    0: ne, n, pas, jamais, rien, aucun, aucune, sans, ni, guere, peu, non, nullement, pas du tout, absolument pas, a peine
    """)

    static let frenchBoosters = Lexicon("""
    1.5: tres, trop, vraiment, tellement, hyper, ultra, extremement, absolument, totalement, completement, \
         particulierement, vachement, franchement, carrement, incroyablement, beaucoup trop, bien trop, \
         du tout
    0.5: un peu, un petit peu, legerement, assez, plutot, presque, quelque peu
    """)

    static let frenchContrast = Lexicon("""
    0: mais, cependant, toutefois, pourtant, neanmoins, par contre, en revanche, malheureusement, dommage, helas
    """)
}
