/// Spanish words and phrases of the negativity scorer (see `NegativityScorer`). Weights run
/// from −3 (strongly negative) to +3 (strongly positive). Idioms that contain a negation
/// ("no lo recomiendo", "nunca más", "no vale la pena") are phrases of their own, matched
/// before the negation rule. Words match whole ("mal" is not "Mallorca"); prefixes are kept
/// specific ("precioso" is listed in full: "precio*" would be prices).
/// Checked against the labelled Spanish reviews (hotels, restaurants, app reviews); no review
/// text is copied here.
extension SentimentTerms {
    static let spanish = Lexicon("""
    # Strongly negative
    -3: pesim*, horrible*, horrendo*, horroros*, terrible*, fatal, fatales, asqueros*, asco, un asco, que asco, \
        desastre*, desastros*, lamentable*, verguenza, una verguenza, vergonzos*, inaceptable*, inadmisible*, \
        espantos*, pesadilla*, estafa*, estafador*, un robo, es un robo, basura, porqueria*, nefast*, deplorable*, \
        malisim*, lo peor, el peor, la peor, los peores, las peores, \
        no lo recomiendo, no la recomiendo, no los recomiendo, no las recomiendo, no recomiendo, no recomendable, \
        nada recomendable, no lo recomendaria, no la recomendaria, no recomendaria, no se lo recomiendo, \
        no volvere, no volveria, no volveremos, no vuelvo, no regresare, no regresaria, no regresaremos, \
        no vuelvan, nunca mas, jamas volver*, nunca volver*, nunca regresar*, jamas regresar*, eviten, \
        evitar a toda costa, eviten este, perdida de tiempo, perdida de dinero, dinero tirado, tirar el dinero, \
        cero estrellas, 0 estrellas, ninguna estrella, incompetent*, ridicul*, fraude*, fraudulent*, timadores, \
        una burla, falta de respeto
    # Negative
    -2: mal, malo, mala, malos, malas, decepcion*, \
        sucio, sucia, sucios, sucias, suciedad, mugre*, mugros*, \
        cucaracha*, chinche*, moho, mal olor, apest*, groser*, maleducad*, mal educad*, descortes*, antipatic*, \
        prepotent*, arrogant*, mala atencion, pesimo servicio, queja*, reclamo, reclamos, reclamacion*, \
        error, errores, no funciona, no funcionaba, no funcionan, no funcionaban, no sirve, no sirven, no servia, \
        sin respuesta, nadie responde, nadie contesta, nadie atiende, ninguna respuesta, no responden, \
        no contestan, no contesta, roto, rota, rotos, rotas, descompuest*, averiad*, deteriorad*, descuidad*, \
        inutil, inutiles, inservible*, insipid*, sin sabor, quemad*, crudo, cruda, crudos, crudas, \
        carisim*, sobrevalorad*, abusiv*, nos cobraron, me cobraron, cobran de mas, cobraron de mas, tardaron, \
        molest*, enojad*, enfadad*, furios*, indignad*, frustra*, lamentablemente, desafortunadamente, \
        desgraciadamente, por desgracia, una pena, que pena, lastima, deja mucho que desear, deja que desear, \
        dejan mucho que desear, dejo mucho que desear, dejaba mucho que desear, dejan que desear, no vale la pena, \
        no vale, no valen, no merece, no cumple, no cumplio, no cumplen, nunca llego, nunca llegaron, no llego, \
        peor, peores, horror, terror, de terror, robaron, nos robaron, me robaron, engan*, \
        sin avisar, sin preguntar, sigo esperando, seguimos esperando, ninguna solucion, ninguna ayuda, \
        no autorizad*, \
        😡, 😠, 🤬, 🤮, 🤢, 👎, 💩, 😤
    -1.5: regular, normalito, nada especial, nada del otro mundo, nada extraordinario, mediocre*, flojo, floja, \
        pobre, pobres, escaso, escasa, escasas, caro, caros, excesiv*, mejorable*, mas o menos, \
        asi asi, ni fu ni fa, lento, lenta, lentos, lentas, lentitud, demora*, tardan, tardo, tardamos, \
        esperar, esperando, espera, falta de, imposible, frio, fria, frios, frias, tibio, tibia, \
        ruido, ruidos, ruidoso*, olor, humedad, humedo, humeda, triste*, problema, problemas, \
        incomod*, despues de una hora, mas de una hora, media hora, cobraron, cobran, \
        😞, 😔, 😢, 😭, 😒, 🙁, ☹
    # Positive
    +3: excelente*, exelente*, exquisit*, espectacular*, maravillos*, fantastic*, increible, increibles, \
        extraordinari*, perfecto, perfecta, perfectos, perfectas, perfectamente, impecable*, inmejorable*, \
        inolvidable*, magnific*, estupend*, fenomenal*, sublime*, esplendid*, buenisim*, riquisim*, \
        lo mejor, el mejor, la mejor, los mejores, las mejores, altamente recomendable, \
        100 recomendable, super recomendable, sin duda lo recomiendo, lo recomiendo ampliamente, top, \
        10 de 10
    +2: delicios*, sabros*, rico, rica, ricos, ricas, genial*, recomiendo, lo recomiendo, la recomiendo, \
        recomendable*, recomendad*, recomendaria*, amable*, amabilidad, atento, atenta, atentos, atentas, \
        atencion excelente, cordial*, servicial*, profesional*, encant*, hermos*, precioso, preciosa, preciosos, \
        preciosas, felicidades, felicitaciones, felicito, muchas gracias, mil gracias, volveremos, volvere, \
        volveria, regresaremos, regresare, regresaria, vale la pena, satisfech*, contento, contenta, contentos, \
        contentas, feliz, felices, disfrut*, agradable*, acogedor*, confortable*, super, calidez, \
        buena relacion calidad precio, buen precio, maravilla, una maravilla, de lujo, \
        😍, 🥰, 😋, 👍, 👌, ❤, 💯, 🔝, ⭐, 🤩, 😊
    +1.5: buen, bueno, buena, buenos, buenas, bien, bonit*, lindo, linda, lindos, lindas, gracias, comodo, \
        comoda, comodos, comodas, comodidad*, limpio, limpia, limpios, limpias, rapido, rapida, rapidos, \
        rapidas, rapidez, eficient*, eficaz, facil, faciles, util, utiles, funciona bien, \
        me gusta, me gusto, nos gusto, me gustan, le gusta, nos gusta, me gustaron, nos gustaron, tranquil*, \
        fresco, fresca, frescos, frescas, abundante*, generos*, precio justo, razonable*, puntual*, \
        solucionado, sin duda, sin problemas, ningun problema, sin ningun problema, \
        🙂, 😀, 😃, 👏, 🙏
    +1: ok, aceptable*, correcto, correcta, cumple, no esta mal
    # Neutral uses of sentiment words
    0: no solo, no solamente, buenas tardes, buenas noches, buenos dias, buen dia, puerto rico, costa rica
    """)

    static let spanishGrammar = Lexicon("""
    # Negators: flip the next sentiment word within four words.
    0: no, nunca, jamas, ni, nada, nadie, ningun, ninguno, ninguna, sin, tampoco, poco, poca, pocos, pocas, \
       ni siquiera, para nada, en absoluto
    """)

    static let spanishBoosters = Lexicon("""
    1.5: muy, demasiado, demasiada, demasiados, demasiadas, realmente, totalmente, completamente, absolutamente, \
         extremadamente, sumamente, tan, increiblemente, verdaderamente, tremendamente, nada, para nada, \
         en absoluto, mega
    0.5: un poco, un poquito, algo, ligeramente, un tanto, casi, medio
    """)

    static let spanishContrast = Lexicon("""
    0: pero, sin embargo, aunque, no obstante, lamentablemente, desafortunadamente, desgraciadamente, \
       por desgracia, lastima, una pena, eso si
    """)
}
