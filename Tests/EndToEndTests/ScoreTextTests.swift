import Foundation
import Testing

/// `reputa score-text` and the negativity model as the real binary runs them: the verdicts on
/// hand-written reviews in five languages with their ratings hidden, the features the training
/// script reads, a model file that cannot be used, and the issue's star-less French complaint
/// through a real feed import and flag pass.
@Suite struct ScoreTextTests {
    static let map = "id=id,date=date,rating=rating,title=title,text=text"

    func csv(_ temp: TempFolder, _ rows: [(String, String)]) throws -> String {
        var text = "id,date,rating,title,text\n"
        for (id, body) in rows { text += "\(id),2026-01-01,5,,\"\(body.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }
        return try temp.write("reviews.csv", text)
    }

    @Test func verdictsInFiveLanguagesWithTheRatingHidden() throws {
        let temp = try TempFolder()
        let path = try csv(temp, [
            ("it-neg", "Servizio pessimo, cibo freddo e personale scortese. Mai più."),
            ("en-neg", "Terrible service, cold food and a rude waiter. Never again."),
            ("fr-neg", "Service nul, plats froids et serveur désagréable. À éviter."),
            ("de-neg", "Das Essen war kalt und der Kellner unfreundlich. Nie wieder."),
            ("es-neg", "La comida estaba fría y el servicio fue pésimo. No lo recomiendo."),
            ("it-pos", "Cena ottima, personale gentilissimo, torneremo sicuramente!"),
            ("en-pos", "Lovely dinner, friendly staff, we will definitely come back."),
            ("fr-pos", "Excellent dîner, personnel adorable, nous reviendrons avec plaisir."),
            ("de-pos", "Sehr leckeres Essen und freundliche Bedienung, gerne wieder."),
            ("es-pos", "Comida deliciosa y servicio excelente, volveremos sin duda."),
        ])
        let out = try reputa(["score-text", "--kind", "csv", "--map", Self.map, "--format", "json", path], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try jsonArray(out.stdout)
        #expect(rows.count == 10)
        for row in rows {
            let id = try #require(row["id"] as? String)
            #expect(row["language"] as? String == String(id.prefix(2)), "\(row)")
            let negative = id.hasSuffix("neg")
            #expect(row["negative"] as? Bool == negative, "\(row)")
            let p = try #require(row["probability"] as? Double), t = try #require(row["threshold"] as? Double)
            #expect((p >= t) == negative, "\(row)")
            let score = try #require(row["score"] as? Double)
            #expect((score <= -1) == negative, "\(row)")
            #expect(((row["words"] as? [String]) ?? []).isEmpty == !negative, "\(row)")
        }
    }

    @Test func featuresAreWhatTheTrainingScriptReads() throws {
        let temp = try TempFolder()
        let path = try csv(temp, [("a", "Pessimo servizio, non lo consiglio."), ("b", "Ottimo! Tutto perfetto."), ("c", "")])
        let out = try reputa(["score-text", "--kind", "csv", "--map", Self.map, "--features", path], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init) } == ["a", "b", "c"])
        var general: [Set<String>] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 3, "\(line)")
            var marked = Set<String>()
            for cell in fields[2].split(separator: " ") {
                let parts = cell.split(separator: ":")
                let bucket = parts[0].hasPrefix("g") ? String(parts[0].dropFirst()) : String(parts[0])
                #expect(parts.count == 2 && Int(bucket).map { (0..<(1 << 20)).contains($0) } == true && Double(parts[1]) != nil, "\(cell)")
                if parts[0].hasPrefix("g") { marked.insert(bucket) }
            }
            general.append(marked)
        }
        // The prior is in every review, even an empty one, and it is the one feature all share.
        #expect(general[2].count == 1)
        #expect(general[0].contains(general[2].first!) && general[1].contains(general[2].first!))
        // The negative review carries the lexicon's signals; the word-free one only the prior.
        #expect(general[0].count > 1)
    }

    @Test func aModelFileThatCannotBeUsedIsOneLineAndExit64() throws {
        let temp = try TempFolder()
        let path = try csv(temp, [("a", "Pessimo.")])
        let bad = try temp.write("bad.model", "RPNM not a model")
        for model in [temp.path("missing.model"), bad] {
            let out = try reputa(["score-text", "--kind", "csv", "--map", Self.map, path], environment: ["REPUTA_NEGATIVITY_MODEL": model],
                                 cwd: temp.url)
            #expect(out.status == 64)
            let lines = out.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("reputa: config: $REPUTA_NEGATIVITY_MODEL: negativity model \(model): "),
                    "\(out.stderr)")
        }
        // The flag pass refuses it too, rather than judge the text by something else.
        let store = temp.path("s.sqlite")
        let imported = try reputa(["import", "--kind", "csv", "--map", Self.map, "--source", "s", "--store", store, path], cwd: temp.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let flags = try reputa(["flags", "--store", store], environment: ["REPUTA_NEGATIVITY_MODEL": bad], cwd: temp.url)
        #expect(flags.status == 64, "\(flags.stderr)")
        #expect(flags.stderr.contains("negativity model \(bad): unknown format"), "\(flags.stderr)")
    }

    /// The issue's case: a French complaint without stars, "a scam, I'm calling my lawyer", was not
    /// flagged; read from a feed it is now urgent, with both categories and its words.
    @Test func aStarlessFrenchComplaintIsUrgent() throws {
        let temp = try TempFolder()
        let feed = try temp.write("feed.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>avis</title><id>urn:avis</id><updated>2026-11-20T10:00:00Z</updated>
            <entry><id>urn:avis:1</id><title>Une arnaque</title><updated>2026-11-20T10:00:00Z</updated><author><name>Claire</name></author>
            <content type="text">Une arnaque, j'appelle mon avocat. On nous a fait payer deux fois le menu.</content></entry>
            <entry><id>urn:avis:2</id><title>Parfait</title><updated>2026-11-20T11:00:00Z</updated><author><name>Marc</name></author>
            <content type="text">Excellent dîner, personnel adorable, nous reviendrons avec plaisir.</content></entry>
            </feed>
            """)
        let store = temp.path("s.sqlite")
        let imported = try reputa(["import", "--kind", "atom", "--source", "avis", "--store", store, feed], cwd: temp.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = try reputa(["flags", "--store", store, "--format", "json"], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        let flags = try jsonArray(out.stdout)
        #expect(flags.count == 1, "\(flags)")
        let flag = try #require(flags.first)
        #expect(flag["review_id"] as? String == "urn:avis:1")
        #expect(flag["level"] as? String == "urgent")
        let categories = try #require(flag["categories"] as? [String])
        #expect(Set(categories).isSuperset(of: ["fraud", "legal_threat"]), "\(categories)")
        let reasons = try #require(flag["reasons"] as? [String])
        #expect(reasons.contains { $0.hasPrefix("negative text (score ") && $0.hasSuffix(", no rating") && $0.contains("arnaque") }, "\(reasons)")
    }
}
