import ReputaAnalysis
import ReputaCore
import Testing

/// The negativity rules, the flagger's priority formula and routes, spikes and deadlines, with
/// expected values worked by hand from the weights documented in `NegativityScorer` and `Flagger`.
@Suite struct FlaggerTests {
    func score(_ text: String, _ language: String = "und") -> NegativityScorer.Verdict {
        NegativityScorer.score(title: "", text: text, language: language)
    }

    func review(_ stars: Double?, _ text: String, language: String = "it", location: String = "milano",
                votes: Int? = nil, authorReviews: Int? = nil, competitor: String = "", portal: String = "google") -> Review {
        Review(source: "s", portal: portal, externalID: "r1", location: location, competitor: competitor,
               rating: stars.map { Rating(value: $0, scale: .fiveStars) }, text: text, language: language,
               createdAt: Timestamp(epochSeconds: 1_763_740_800), helpfulVotes: votes, authorReviews: authorReviews)
    }

    @Test func negationIdiomsAndNegatedNegatives() {
        #expect(score("Non lo consiglio", "it").isNegative)
        #expect(score("Mai più!", "it").isNegative)
        #expect(score("Non siamo rimasti per niente soddisfatti", "it").isNegative)
        #expect(score("Per niente soddisfatto.", "it").isNegative)
        #expect(score("Il cibo non era buono", "it").isNegative)
        #expect(!score("Il cibo era buono", "it").isNegative)
        #expect(!score("Non male", "it").isNegative)
        #expect(!score("Nessun problema, tutto ok", "it").isNegative)
        #expect(!score("Porzioni giuste, né troppo piccole né esagerate.", "it").isNegative)
        #expect(!score("Mai più senza!", "it").isNegative)
        #expect(!score("Not bad at all", "en").isNegative)
        #expect(score("Not bad", "en").score > 0)
        #expect(score("Wouldn't recommend it", "en").isNegative)
        #expect(score("The food was not good", "en").isNegative)
        #expect(!score("No complaints, never had an issue", "en").isNegative)
    }

    @Test func weightsBoostersContrastAndShouting() {
        // terrible −3; "really" × 1.5 → −4.5.
        #expect(score("terrible", "en").score == -3)
        #expect(score("really terrible", "en").score == -4.5)
        // good +1.5 before "but" × 0.5 = 0.75; awful −3 after it × 1.5 = −4.5; total −3.75.
        #expect(score("Good food but the service was awful", "en").score == -3.75)
        // A word in capitals × 1.5: SCHIFO −4.5.
        #expect(score("SCHIFO", "it").score == -4.5)
        // "non buono": +1.5 negated is −0.8 × 1.5 = −1.2.
        #expect(score("non buono", "it").score == -1.2)
        // "not bad": a phrase of +1 (matched before the negation rule).
        #expect(score("not bad", "en").score == 1)
        // A negation does not reach across a sentence: "Non era tardi. Ottimo." = +2.
        #expect(score("Non era tardi. Ottimo.", "it").score == 2)
    }

    @Test func priorityFromRatingTextReachAndMismatch() throws {
        let flagger = Flagger(rules: FlagRules(), model: nil)
        // 1★ with no text: 35 + 15 × (25 − 0) / 25 = 50 → normal.
        let one = try #require(flagger.evaluate(review(1, "")))
        #expect(one.priority == 50 && one.level == .normal)
        #expect(one.reasons == ["rated 1 on 1-5 (complaints: 2 or less)"])
        // 2★ with "Servizio lento" (−1.5): 35 + min(30, 15) = 50.
        #expect(flagger.evaluate(review(2, "Servizio lento"))?.priority == 50)
        // 3★ with "Pessimo servizio" (−3): not a low rating; 30 + 10 (middle rating) = 40.
        let angryThree = try #require(flagger.evaluate(review(3, "Pessimo servizio")))
        #expect(angryThree.priority == 40 && angryThree.level == .normal)
        #expect(angryThree.reasons.first?.hasPrefix("negative text (score -3)") == true)
        // 1★ + strongly negative text (−3 −3 = −6 → 30): 80, capped at urgent_from − 1 = 79 → high.
        #expect(flagger.evaluate(review(1, "Pessimo. Da evitare."))?.priority == 79)
        #expect(flagger.evaluate(review(1, "Pessimo. Da evitare."))?.level == .high)
        // No rating: 40 + min(20, 5 × (6 − 1)) = 60 → high.
        let unrated = try #require(flagger.evaluate(review(nil, "Pessimo. Da evitare.")))
        #expect(unrated.priority == 60 && unrated.level == .high)
        #expect(unrated.reasons.first?.hasSuffix("no rating") == true)
        // Reach: 1★ (50) + 10 for 12 helpful votes = 60.
        let reach = try #require(flagger.evaluate(review(1, "", votes: 12)))
        #expect(reach.priority == 60 && reach.reasons.last == "reach: 12 people found it helpful")
        // An author with 50 reviews on the portal (the default threshold) reaches as far: 60;
        // with 49 not; both together still + 10 once: 60, both named.
        let prolific = try #require(flagger.evaluate(review(1, "", authorReviews: 50)))
        #expect(prolific.priority == 60 && prolific.reasons.last == "reach: the author has written 50 reviews")
        #expect(flagger.evaluate(review(1, "", authorReviews: 49))?.priority == 50)
        let both = try #require(flagger.evaluate(review(1, "", votes: 5, authorReviews: 120)))
        #expect(both.priority == 60)
        #expect(both.reasons.last == "reach: 5 people found it helpful, the author has written 120 reviews")
        // Reach alone flags nothing: 5★ praise by a prolific author.
        #expect(flagger.evaluate(review(5, "Ottimo, tutto perfetto", authorReviews: 400)) == nil)
        // 5★ with strongly negative text and no praise: mismatch + 50 → normal.
        let mismatch = try #require(flagger.evaluate(review(5, "Terrible, disgusting, never again", language: "en")))
        #expect(mismatch.priority == 50)
        #expect(mismatch.reasons.contains("rating–text mismatch: 5 on 1-5 with strongly negative text"))
    }

    @Test func praiseIsNotFlaggedInEitherLanguage() {
        let flagger = Flagger(rules: FlagRules(), model: nil)
        for (text, lang) in [("Cena perfetta, personale gentilissimo, torneremo!", "it"),
                             ("Absolutely fantastic, the best pizza in town.", "en"),
                             ("Hanno gestito la mia allergia alla perfezione, bravissimi.", "it"),
                             ("They handled my nut allergy perfectly, wonderful staff.", "en")] {
            #expect(flagger.evaluate(review(5, text, language: lang)) == nil, "\(text)")
            #expect(flagger.evaluate(review(4, text, language: lang)) == nil, "\(text)")
        }
    }

    @Test func urgentCategoriesWinByPriority() throws {
        let flagger = Flagger(rules: FlagRules(), model: nil)
        let poisoning = try #require(flagger.evaluate(review(1, "Both of us got food poisoning after dinner here.", language: "en")))
        #expect(poisoning.level == .urgent && poisoning.priority == 95 && poisoning.categories == ["food_safety"])
        #expect(poisoning.reasons.contains("health and safety (food): \"food poisoning\""))
        // Legal (90) over injury (85) and staff abuse (80); a middle rating is enough.
        let lawyer = try #require(flagger.evaluate(review(3, "Mi hanno rovesciato addosso il sugo bollente: ho le ustioni e mi rivolgerò al mio avvocato.")))
        #expect(lawyer.categories == ["legal_threat", "injury"] && lawyer.level == .urgent)
        // A refund demand is a category of level high (60), not urgent. 2★ (35) + text
        // "rimborso" −2, "sbagliato" −2 → min(30, 40) = 65, above the category's own 60.
        let refund = try #require(flagger.evaluate(review(2, "Voglio il rimborso, ordine sbagliato")))
        #expect(refund.categories == ["refund_demand"] && refund.level == .high && refund.priority == 65)
        // "a glass of wine" is no hazard.
        #expect(flagger.evaluate(review(2, "Slow service, a glass of wine took 20 minutes", language: "en"))?.categories == [])
        // A competitor's complaint is not ours to answer.
        #expect(flagger.evaluate(review(1, "food poisoning", language: "en", competitor: "Rival")) == nil)
    }

    /// Issue 23's false alarms on real text: a word that is harm in one language and harmless in
    /// another (or harmless in a phrase) raises no urgent category; the real complaint still does.
    @Test(arguments: [
        ("Nelle sue calde sale il servizio è stato lento e freddo, deludente.", "it", [String]()),
        ("Le sue mura sono belle ma il cibo era pessimo.", "it", []),
        ("Terrible dinner, the truffle pasta was bland and overpriced.", "en", []),
        ("Très déçu, les truffes étaient fades et le service lent.", "fr", []),
        ("Der Blattspinat war kalt und das Essen schlecht.", "de", []),
        ("Awful room, no privacy in the bathroom and the walls are thin.", "en", []),
        ("Terrible service, I will sue them for this.", "en", ["legal_threat"]),
        ("È una truffa, mi hanno addebitato due volte.", "it", ["fraud"]),
        ("Pessimo, hanno violato la privacy dei clienti.", "it", ["data_leak"]),
        ("Una blatta nel piatto, disgustoso.", "it", ["food_safety"]),
    ])
    func wordsThatAreHarmOnlyInOneLanguage(text: String, language: String, categories: [String]) {
        let flagged = Flagger(rules: FlagRules(), model: nil).evaluate(review(1, text, language: language))
        #expect(flagged?.categories == categories, "\(text)")
    }

    /// Issue 23, part 3: words that look like harm but are not, in the five languages, on a
    /// 1★ review (categories count): a topic named alone, a word of another language, an idiom,
    /// a harm denied. None raises a category.
    @Test(arguments: [
        ("Salade d'avocat fade et service lent, très déçu.", "fr"),
        ("Le verre de vin était tiède et beaucoup trop cher.", "fr"),
        ("Cuisine correcte mais là où le bas blesse, c'est le prix.", "fr"),
        ("Je suis tombé sur un serveur désagréable, repas moyen.", "fr"),
        ("Application inutile, mais aucune atteinte à la vie privée.", "fr"),
        ("L'application ne marche pas à l'hôpital, nulle.", "fr"),
        ("Restaurante con mucha demanda, la comida llegó fría y tarde.", "es"),
        ("La habitación pedía a gritos una reforma, muebles maltratados.", "es"),
        ("Hotel viejo y caro, pero nunca hemos visto una cucaracha.", "es"),
        ("La app no funciona, tengo diarrea y fiebre y no sale como síntoma.", "es"),
        ("El último día el servicio fue lento.", "es"),
        ("Die Wartezeit betrug eine Stunde, das Essen war kalt.", "de"),
        ("Die App ist schlecht, im Krankenhaus funktioniert sie nicht.", "de"),
        ("Als Allergiker finde ich die App schlecht, falsche Pollenwerte.", "de"),
        ("Zu viel Steuergeld verbrannt, die App stürzt ständig ab.", "de"),
        ("Das Anwaltspostfach funktioniert auch nicht, typisch Staat.", "de"),
        ("Pessimo, la prima rata è stata addebitata in ritardo.", "it"),
        ("Alexa non riesce a discriminare i comandi, pessima.", "it"),
        ("Arrivato con il vetro pieno di graffi, pessimo.", "it"),
        ("Recensioni che denunciano il malfunzionamento, pessimo.", "it"),
        ("The coffee maker leaks all over the counter, awful.", "en"),
        ("I got sick and tired of this game after two days.", "en"),
        ("The app crashes every time I'm at the hospital.", "en"),
        ("A dull novel about a disgraced lawyer and his lawsuits.", "en"),
        ("Boring book, leaving the racism issue aside it is badly written.", "en"),
        ("Useless cookbook for allergic kids, no recipes worth trying.", "en"),
        ("King Rat is dull, nothing like Shogun.", "en"),
    ])
    func harmlessWordsRaiseNoCategory(text: String, language: String) {
        let flagged = Flagger(rules: FlagRules()).evaluate(review(1, text, language: language))
        #expect(flagged?.categories == [], "\(text)")
    }

    /// One real-sounding complaint of each category in French, German and Spanish, and the
    /// phrases that decide where a single word would not ("mon avocat", "im Krankenhaus gelandet").
    @Test(arguments: [
        ("Intoxication alimentaire pour toute la table après le dîner.", "fr", ["food_safety"]),
        ("Réaction allergique grave alors que j'avais signalé mon allergie aux noix.", "fr", ["allergy"]),
        ("Je vais porter plainte, mon avocat est prévenu.", "fr", ["legal_threat"]),
        ("L'application revend nos données, une atteinte à la vie privée.", "fr", ["data_leak"]),
        ("Une arnaque, la carte a été débitée deux fois.", "fr", ["fraud"]),
        ("Refusés à l'entrée, c'est de la discrimination, le videur était raciste.", "fr", ["discrimination"]),
        ("Je me suis brûlée avec le plat servi bouillant, fini aux urgences.", "fr", ["injury"]),
        ("Le serveur nous a insultés et nous a menacés.", "fr", ["staff_abuse"]),
        ("Je veux être remboursé, rendez-moi mon argent.", "fr", ["refund_demand"]),
        ("Lebensmittelvergiftung nach dem Abendessen, Brechdurchfall die ganze Nacht.", "de", ["food_safety"]),
        ("Trotz meiner Allergie Nüsse im Essen, allergischer Schock.", "de", ["allergy"]),
        ("Ich habe meinen Anwalt eingeschaltet und Anzeige erstattet.", "de", ["legal_threat"]),
        ("Die App sammelt Daten und verstößt gegen die DSGVO.", "de", ["data_leak"]),
        ("Reiner Betrug, zweimal abgebucht!", "de", ["fraud"]),
        ("Der Türsteher war rassistisch, wir wurden diskriminiert.", "de", ["discrimination"]),
        ("Auf dem nassen Boden ausgerutscht und im Krankenhaus gelandet.", "de", ["injury"]),
        ("Der Kellner hat uns angeschrien, eine Frechheit.", "de", ["staff_abuse"]),
        ("Ich will mein Geld zurück, die Bestellung kam nie.", "de", ["refund_demand"]),
        ("Nos dio diarrea a todos, comida en mal estado.", "es", ["food_safety"]),
        ("Tuve una reacción alérgica aunque avisé al camarero.", "es", ["allergy"]),
        ("Pondremos una demanda por daños, ya tengo abogado.", "es", ["legal_threat"]),
        ("Venden tus datos, un ataque a la privacidad.", "es", ["data_leak"]),
        ("Una estafa, nos cobraron dos veces la cena.", "es", ["fraud"]),
        ("Nos negaron la entrada por ser cubanos, pura discriminación.", "es", ["discrimination"]),
        ("Me caí en la piscina por las baldosas rotas.", "es", ["injury"]),
        ("El recepcionista nos gritó y nos amenazó.", "es", ["staff_abuse"]),
        ("Quiero mi dinero, que me devuelvan el importe.", "es", ["refund_demand"]),
        ("Un cafard dans la salade, dégoûtant.", "fr", ["food_safety"]),
    ])
    func harmInFrenchGermanAndSpanish(text: String, language: String, categories: [String]) {
        let flagged = Flagger(rules: FlagRules()).evaluate(review(1, text, language: language))
        #expect(flagged?.categories == categories, "\(text)")
    }

    @Test func routesPickChannelsByLevelTopicLocationAndPortal() throws {
        var rules = FlagRules()
        rules.routes = [FlagRoute(channel: "oncall", minLevel: .urgent), FlagRoute(channel: "mobile", topics: ["app"]),
                        FlagRoute(channel: "milano", minLevel: .high, locations: ["milano"]),
                        FlagRoute(channel: "play", portals: ["google-play"])]
        rules.defaultChannels = ["marketing"]
        let flagger = Flagger(rules: rules, model: nil)
        let urgent = try #require(flagger.evaluate(review(1, "Food poisoning, the worst", language: "en")))
        #expect(urgent.channels == ["oncall", "milano"])
        let app = try #require(flagger.evaluate(review(2, "L'app va in crash al login", location: "app", portal: "google-play")))
        #expect(app.topics.contains("app"))
        #expect(app.channels == ["mobile", "play"])
        let plain = try #require(flagger.evaluate(review(2, "", location: "roma")))
        #expect(plain.channels == ["marketing"])
    }

    @Test func spikeCountsComplaintsOnOneTopicAtOneLocation() throws {
        let flagger = Flagger(rules: FlagRules(), model: nil) // 5 within 7 days
        let decision = try #require(flagger.evaluate(review(2, "Attesa infinita, servizio lentissimo")))
        #expect(decision.topics.contains("waiting_time"))
        let at = Timestamp(epochSeconds: 1_763_740_800)
        func marks(_ days: [Int64], location: String = "milano") -> ComplaintIndex {
            var index = ComplaintIndex(days.map {
                ComplaintMark(location: location, topics: ["waiting_time"], at: Timestamp(epochSeconds: at.epochSeconds - $0 * 86_400))
            })
            index.prepare()
            return index
        }
        // Itself and four more within 7 days: a spike, + 15. 2★ (35) + "attesa infinita" −2,
        // "lentissimo" −2 → 30: 65, + 15 = 80, capped at urgent_from − 1 = 79.
        #expect(decision.priority == 65)
        let spiked = flagger.spike(for: decision, location: "milano", portal: "google", at: at, complaints: marks([0, 1, 2, 3, 6]))
        #expect(spiked.priority == 79 && spiked.level == .high)
        #expect(spiked.reasons.last == "spike: 5 complaints about waiting time at milano within 7 days")
        // One of them 8 days back, or at another location: no spike.
        #expect(flagger.spike(for: decision, location: "milano", portal: "google", at: at, complaints: marks([0, 1, 2, 3, 8])) == decision)
        #expect(flagger.spike(for: decision, location: "milano", portal: "google", at: at,
                              complaints: marks([0, 1, 2, 3, 6], location: "roma")) == decision)
    }

    @Test func deadlinesCountBusinessHoursInTheLocationsZone() throws {
        var rules = FlagRules()
        rules.sla = [.urgent: 4 * 3600, .high: 8 * 3600, .normal: 72 * 3600]
        rules.businessHours["milano"] = try BusinessHours.parse("mon-fri 09:00-18:00", zone: "Europe/Rome").get()
        let flagger = Flagger(rules: rules, model: nil)
        // Saturday 2026-11-21 22:00 in Rome (21:00Z), high (8 h): Monday 09:00 + 8 h = 17:00 Rome = 16:00Z.
        let saturday = Timestamp(epochSeconds: Timestamp.days(year: 2026, month: 11, day: 21) * 86_400 + 21 * 3600)
        #expect(flagger.deadline(from: saturday, level: .high, location: "milano").utcISO == "2026-11-23T16:00:00Z")
        // Friday 16:00 Rome (15:00Z), urgent (4 h): 2 h on Friday, 2 h on Monday → Monday 11:00 Rome = 10:00Z.
        let friday = Timestamp(epochSeconds: Timestamp.days(year: 2026, month: 11, day: 20) * 86_400 + 15 * 3600)
        #expect(flagger.deadline(from: friday, level: .urgent, location: "milano").utcISO == "2026-11-23T10:00:00Z")
        // Summer time: Friday 2026-07-03 17:00 Rome (15:00Z) + 4 h → Monday 12:00 Rome = 10:00Z.
        let july = Timestamp(epochSeconds: Timestamp.days(year: 2026, month: 7, day: 3) * 86_400 + 15 * 3600)
        #expect(flagger.deadline(from: july, level: .urgent, location: "milano").utcISO == "2026-07-06T10:00:00Z")
        // A location without hours counts calendar time.
        #expect(flagger.deadline(from: saturday, level: .urgent, location: "roma").utcISO == "2026-11-22T01:00:00Z")
    }

    @Test func businessHoursTextIsCheckedWithAReason() {
        for (text, problem) in [("mon-fri 9-18", "\"9-18\" is not a time range like 09:00-18:00"),
                                ("xyz 09:00-10:00", "\"xyz\" is not a day or day range (mon…sun)"),
                                ("mon 09:00-12:00,11:00-14:00", "mon has overlapping ranges"),
                                ("mon-fri", "\"mon-fri\" is not \"DAYS HH:MM-HH:MM\"")] {
            guard case let .failure(found) = BusinessHours.parse(text, zone: "UTC") else {
                Issue.record("\(text) was accepted")
                continue
            }
            #expect(found.message == problem)
        }
        guard case let .success(hours) = BusinessHours.parse("mon-fri 09:00-13:00,14:00-18:00; sat 10:00-24:00", zone: "UTC") else {
            Issue.record("valid hours refused")
            return
        }
        #expect(hours.week[0] == [540...780, 840...1080])
        #expect(hours.week[5] == [600...1440])
        #expect(hours.week[6].isEmpty)
    }
}
