import Foundation
import Testing

/// `reputa serve` for real on 127.0.0.1, driven over HTTP as a browser would: what needs a
/// session, the queue against `reputa flags`, the on-call steps against `reputa flags show`, and
/// what must be refused (no CSRF token, another location's flag, a viewer acting, a guessed
/// password, a hostile review).
@Suite struct ServeTests {
    static let password = "correct horse battery"

    /// A copy of the demo store with its flags evaluated and four users: anna (admin, every
    /// location), rocco (on call, Roma only), mila (on call, Milano only), vera (viewer).
    static func demoStore(_ temp: TempFolder) throws -> String {
        let store = try testStore(.sqlite, in: temp, copying: CompareTests.demoStore)
        try addUsers(store, config: CompareTests.demoConfig)
        return store
    }

    /// The users (mila only where the config knows Milano).
    static func addUsers(_ store: String, config: String, milano: Bool = true) throws {
        let pass = try reputa(["flags", "--config", config, "--store", store, "--format", "json"])
        try #require(pass.status == 0, "\(pass.stderr)")
        for args in [["anna", "--role", "admin"], ["rocco", "--role", "oncall", "--location", "roma", "--lang", "it"],
                     ["mila", "--role", "oncall", "--location", "milano"], ["vera", "--role", "viewer"]]
            where milano || args[0] != "mila" {
            let add = try execute("/bin/sh", ["-c", "echo '\(password)' | \"$0\" users add \"$@\" --password-stdin", reputaBinary]
                                  + args + ["--config", config, "--store", store], environment: ["REPUTA_BCRYPT_COST": "4"])
            try #require(add.status == 0, "\(add.stderr)")
        }
    }

    /// `reputa flags show ID --format json` on the demo config.
    static func flagCard(_ store: String, _ id: Int) throws -> [String: Any] {
        let show = try reputa(["flags", "show", String(id), "--config", CompareTests.demoConfig, "--store", store, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any], "\(show.stderr)")
    }

    func cliIDs(_ store: String, _ extra: [String]) throws -> [Int] { try Self.cliIDs(store, extra) }

    /// The flag numbers `reputa flags --format json` lists on the demo config.
    static func cliIDs(_ store: String, _ extra: [String]) throws -> [Int] {
        let out = try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store, "--format", "json"] + extra)
        #expect(out.status == 0, "\(out.stderr)")
        return try jsonArray(out.stdout).compactMap { $0["id"] as? Int }
    }

    @Test func onlySignInAndHealthAnswerWithoutASessionAndTheQueueIsTheCLIs() async throws {
        let temp = try TempFolder()
        let store = try Self.demoStore(temp)
        let server = try ServeProcess(config: CompareTests.demoConfig, store: store)
        let web = WebClient(server.base)

        let health = try await web.get("/healthz")
        #expect(health.status == 200 && health.body.contains("\"ok\""))
        for path in ["/", "/flags/1", "/?status=all"] {
            let answer = try await web.get(path)
            #expect(answer.status == 303 && answer.location?.hasPrefix("/login") == true, "\(path): \(answer.status)")
        }
        #expect(try await web.get("/api/flags").status == 401)
        #expect(try await web.get("/api/flags/1").status == 401)
        #expect(try await web.post("/flags/1/ack", [("_csrf", "x")]).status == 403)
        // A link from a mail or Slack arrives without the SameSite=Strict cookie: one reload from the site.
        let crossSite = try await web.get("/flags/1", headers: ["Sec-Fetch-Site": "cross-site"])
        #expect(crossSite.status == 200 && crossSite.body.contains("http-equiv=\"refresh\""))
        #expect(health.headers["content-security-policy"]?.contains("default-src 'none'") == true)

        let signIn = try await web.signIn("anna", Self.password, next: "/?status=all")
        #expect(signIn.status == 303 && signIn.location == "/?status=all")
        let session = try #require(web.setCookies.first { $0.hasPrefix("reputa_session=") })
        #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict") && !session.contains("Secure"), "\(session)")

        // The queue lists what `reputa flags` lists, in its order, with or without filters.
        let queue = try await web.get("/")
        #expect(queue.status == 200)
        #expect(queue.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        let expected = try cliIDs(store, [])
        // Fifty to a page; the pages together are the CLI's list.
        #expect(queueIDs(queue.body) == Array(expected.prefix(50)))
        #expect(queue.body.contains("page 1 of \((expected.count + 49) / 50)"))
        let everyPage = try await allQueueIDs(web, "/")
        #expect(expected.count > 100 && everyPage == expected)
        for (query, cli) in [("?location=roma&level=high", ["--location", "roma", "--level", "high"]),
                             ("?status=all&portal=google&topic=waiting_time", ["--status", "all", "--portal", "google", "--topic", "waiting_time"]),
                             ("?status=resolved&q=CONTO", ["--status", "resolved", "--search", "conto"]),
                             ("?status=overdue&location=milano&location=napoli", ["--status", "overdue", "--location", "milano", "--location", "napoli"])] {
            let ids = try await allQueueIDs(web, "/" + query)
            let want = try cliIDs(store, cli)
            #expect(!want.isEmpty && ids == want, "\(query)")
            let api = try jsonArray(try await web.get("/api/flags" + query).body).compactMap { $0["id"] as? Int }
            #expect(api == want, "api \(query)")
        }

        // A search of two words as the browser's GET form sends it (`+` for the space).
        let all = try jsonArray(try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store, "--format", "json",
                                           "--status", "all"]).stdout)
        let words = try #require(all.lazy.compactMap { f -> [Substring]? in
            let w = (f["text"] as? String ?? "").split(separator: " ").prefix(2)
            return w.count == 2 && w.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isLetter } } ? Array(w) : nil
        }.first)
        let twoWords = try await allQueueIDs(web, "/?status=all&q=\(words[0])+\(words[1])")
        let cliTwoWords = try cliIDs(store, ["--status", "all", "--search", "\(words[0]) \(words[1])"])
        #expect(!twoWords.isEmpty && twoWords == cliTwoWords, "\(words)")
        // Past the last page: sent to the last one.
        let past = try await web.get("/?page=999")
        #expect(past.status == 303 && past.location?.hasSuffix("page=\((expected.count + 49) / 50)") == true, "\(past.location ?? "")")

        // A session cookie made up or signed out no longer opens anything.
        let csrf = try await web.csrf()
        #expect(try await web.post("/logout", [("_csrf", csrf)]).status == 303)
        #expect(try await web.get("/").status == 303)
    }

    @Test func stepsTakenOnThePageAreTheFlagsHistoryUnderTheUsersName() async throws {
        let temp = try TempFolder()
        let store = try Self.demoStore(temp)
        let server = try ServeProcess(config: CompareTests.demoConfig, store: store)
        let web = WebClient(server.base)
        try await web.signIn("anna", Self.password)
        let id = try #require(try cliIDs(store, ["--location", "roma"]).first)
        let csrf = try await web.csrf()
        for (step, form) in [("ack", [(String, String)]()), ("assign", [("to", "rocco")]), ("comment", [("note", "Chiamo il cliente alle 15")]),
                             ("resolve", [("note", "Risposto sul portale")]), ("reopen", [("note", "Il cliente ha riscritto")])] {
            let answer = try await web.post("/flags/\(id)/\(step)", [("_csrf", csrf)] + form)
            #expect(answer.status == 303 && answer.location == "/flags/\(id)?done=\(step)", "\(step): \(answer.status) \(answer.body)")
            let page = try await web.get(answer.location ?? "/")
            #expect(page.status == 200 && page.body.contains("class=\"done\""), "\(step)")
        }
        let card = try Self.flagCard(store, id)
        let events = try #require(card["events"] as? [[String: Any]]).filter { $0["by"] as? String == "anna" }
        #expect(events.map { $0["action"] as? String ?? "" } == ["acked", "assigned", "commented", "resolved", "reopened"])
        #expect(events.map { $0["note"] as? String ?? "" } == ["", "to rocco", "Chiamo il cliente alle 15", "Risposto sul portale",
                                                               "Il cliente ha riscritto"])
        #expect(card["status"] as? String == "open" && card["assignee"] as? String == "rocco")
        // The page shows the same history.
        let page = try await web.get("/flags/\(id)")
        #expect(page.body.contains("Chiamo il cliente alle 15") && page.body.contains("<strong>anna</strong>"))
        // Assigning to someone who cannot work that location, or to nobody known, is refused.
        #expect(try await web.post("/flags/\(id)/assign", [("_csrf", csrf), ("to", "vera")]).status == 400)
        #expect(try await web.post("/flags/\(id)/assign", [("_csrf", csrf), ("to", "ghost")]).status == 400)
    }

    @Test func forgedFormsOtherLocationsViewersAndGuessedPasswordsAreRefused() async throws {
        let temp = try TempFolder()
        let store = try Self.demoStore(temp)
        let server = try ServeProcess(config: CompareTests.demoConfig, store: store)
        let roma = try #require(try cliIDs(store, ["--location", "roma"]).first)
        let milano = try #require(try cliIDs(store, ["--location", "milano"]).first)
        func events(_ id: Int) throws -> Int {
            (try Self.flagCard(store, id)["events"] as? [Any])?.count ?? -1
        }
        let before = try events(roma)

        let anna = WebClient(server.base)
        try await anna.signIn("anna", Self.password)
        #expect(try await anna.post("/flags/\(roma)/ack", []).status == 403)
        #expect(try await anna.post("/flags/\(roma)/ack", [("_csrf", String(repeating: "0", count: 64))]).status == 403)
        let csrf = try await anna.csrf()
        #expect(try await anna.post("/flags/\(roma)/ack", [("_csrf", csrf)], headers: ["Sec-Fetch-Site": "cross-site"]).status == 403)
        #expect(try events(roma) == before, "a refused form changed the history")

        // Rocco works Roma only: Milano's flag is 403 as a page, as JSON and as a step; his queue is Roma's.
        let rocco = WebClient(server.base)
        try await rocco.signIn("rocco", Self.password)
        #expect(try await rocco.get("/flags/\(milano)").status == 403)
        #expect(try await rocco.get("/api/flags/\(milano)").status == 403)
        #expect(try await rocco.get("/api/flags/\(roma)").status == 200)
        let roccoCSRF = try await rocco.csrf()
        #expect(try await rocco.post("/flags/\(milano)/ack", [("_csrf", roccoCSRF)]).status == 403)
        #expect((try await allQueueIDs(rocco, "/")) == (try cliIDs(store, ["--location", "roma"])))
        #expect(queueIDs(try await rocco.get("/?location=milano").body).isEmpty)
        let api = try jsonArray(try await rocco.get("/api/flags?status=all").body)
        #expect(!api.isEmpty && api.allSatisfy { $0["location"] as? String == "roma" })
        // His pages are in Italian (his own setting), and name only the people who work Roma.
        let roccoQueue = try await rocco.get("/").body
        #expect(roccoQueue.contains("Segnalazioni") && roccoQueue.contains(">anna</option>") && !roccoQueue.contains(">mila</option>"))
        #expect(try await anna.get("/").body.contains(">mila</option>"))
        let romaPage = try await anna.get("/flags/\(roma)").body
        #expect(romaPage.contains("<option value=\"rocco\"") && !romaPage.contains("<option value=\"mila\""))

        // Vera reads but cannot act.
        let vera = WebClient(server.base)
        try await vera.signIn("vera", Self.password)
        #expect(try await vera.get("/flags/\(milano)").status == 200)
        #expect(try await vera.post("/flags/\(milano)/ack", [("_csrf", try await vera.csrf())]).status == 403)
        #expect(try events(roma) == before)

        // Five wrong passwords lock the name: then even the right one is refused for a while.
        let guesser = WebClient(server.base)
        for _ in 0..<5 { #expect(try await guesser.signIn("anna", "wrong password!").status == 401) }
        let locked = try await guesser.signIn("anna", Self.password)
        #expect(locked.status == 429 && locked.body.contains("Too many failed sign-ins"))
        // Anna's open session is not touched by someone guessing her password.
        #expect(try await anna.get("/").status == 200)
        #expect(server.log.contains("sign-in failed for \"anna\""))

        // Guesses sent at once meet the lock as well: five are checked, the rest refused unchecked.
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await WebClient(server.base).signIn("vera", "guess, guess, guess").status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 401 }.count == 5 && statuses.filter { $0 == 429 }.count == 3, "\(statuses)")

        // A sign-in posted from another site, or without the form's token, is refused; `next` stays on this site.
        let other = WebClient(server.base)
        #expect(try await other.post("/login", [("name", "vera"), ("password", Self.password)]).status == 403)
        let offsite = try await other.signIn("mila", Self.password, next: "//evil.example/x")
        #expect(offsite.status == 303 && offsite.location == "/")
    }

    /// Each portal's link on the flag page, built from the ids the demo's exports and dumps give
    /// (README, "Links to the review"): the expected addresses are written out here by hand.
    @Test func theFlagPageLinksEachReviewWhereThePortalAllows() async throws {
        let temp = try TempFolder()
        let store = try Self.demoStore(temp)
        let server = try ServeProcess(config: CompareTests.demoConfig, store: store)
        let web = WebClient(server.base)
        try await web.signIn("anna", Self.password)
        let out = try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store, "--format", "json", "--status", "all"])
        let flags = try jsonArray(out.stdout)
        func page(_ portal: String) async throws -> (flag: [String: Any], body: String) {
            let flag = try #require(flags.first { $0["portal"] as? String == portal }, "no \(portal) flag")
            return (flag, try await web.get("/flags/\(flag["id"] as? Int ?? 0)").body)
        }
        let trustpilot = try await page("trustpilot")
        #expect(trustpilot.body.contains("href=\"https://www.trustpilot.com/reviews/\(trustpilot.flag["review_id"] as? String ?? "?")\""))
        let amazon = try await page("amazon")
        #expect(amazon.body.contains("href=\"https://www.amazon.it/gp/customer-reviews/\(amazon.flag["review_id"] as? String ?? "?")\""))
        let play = try await page("google-play")
        let console = (play.flag["url"] as? String ?? "?").replacingOccurrences(of: "&", with: "&amp;")
        #expect(play.body.contains(">Open the reply page</a>") && play.body.contains("href=\"\(console)\""))
        let appstore = try await page("appstore")
        #expect(appstore.body.contains("Open the portal&#39;s page (all reviews"))
        let google = try await page("google")
        #expect(google.body.contains("No public link") && !google.body.contains("Open the review</a>"))
    }

    /// An Italian review gets an Italian draft (Reputa's own template: the demo config has no
    /// `replies:`), addressed to the author's first name; a saved draft is kept with the flag and
    /// noted in its history.
    @Test func aReplyDraftIsProposedInTheReviewsLanguageAndKept() async throws {
        let temp = try TempFolder()
        let store = try Self.demoStore(temp)
        let server = try ServeProcess(config: CompareTests.demoConfig, store: store)
        let web = WebClient(server.base)
        try await web.signIn("anna", Self.password)
        let reviews = try jsonArray(try reputa(["reviews", "--config", CompareTests.demoConfig, "--store", store, "--source", "aurora-amazon-it",
                                               "--format", "json"]).stdout)
        let flags = try jsonArray(try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store, "--format", "json",
                                             "--portal", "amazon"]).stdout)
        let flag = try #require(flags.first)
        let review = try #require(reviews.first { $0["id"] as? String == flag["review_id"] as? String })
        #expect(review["language"] as? String == "it")
        let first = String((review["author"] as? String ?? "").split(separator: " ").first ?? "")
        let id = flag["id"] as? Int ?? 0
        let page = try await web.get("/flags/\(id)")
        // Reputa's Italian template for an urgent category, else its general one.
        let opening = (flag["categories"] as? [String] ?? []).isEmpty ? "grazie per averci scritto" : "quanto descrive è grave"
        #expect(page.body.contains("lang=\"it\" dir=\"auto\">Gentile \(first), \(opening)"), "\(first)")
        #expect(page.body.contains("Il team</textarea>"))
        let csrf = try await web.csrf()
        let edited = "Gentile \(first), ci scusi: la contattiamo oggi stesso.\nIl team di Aurora"
        #expect(try await web.post("/flags/\(id)/draft", [("_csrf", csrf), ("lang", "it"), ("text", edited)]).location == "/flags/\(id)?done=draft")
        let saved = try await web.get("/flags/\(id)")
        #expect(saved.body.contains(">Gentile \(first), ci scusi: la contattiamo oggi stesso.\nIl team di Aurora</textarea>"))
        #expect(saved.body.contains("Draft saved by anna"))
        let card = try Self.flagCard(store, id)
        #expect((card["events"] as? [[String: Any]])?.last?["action"] as? String == "drafted")
        // A viewer sees the draft but cannot save one.
        let vera = WebClient(server.base)
        try await vera.signIn("vera", Self.password)
        #expect(try await vera.post("/flags/\(id)/draft", [("_csrf", try await vera.csrf()), ("text", "x")]).status == 403)
    }

    /// `/metrics` counts what `reputa flags` lists, for a scraper with the token or a signed-in
    /// user, and times the requests by route; nobody else reads it.
    @Test func metricsCountWhatTheCLICounts() async throws {
        let temp = try TempFolder()
        let store = try Self.demoStore(temp)
        let token = "scrape-token-0123456789abcdef"
        let server = try ServeProcess(config: CompareTests.demoConfig, store: store, environment: ["REPUTA_METRICS_TOKEN": token])
        let web = WebClient(server.base)
        #expect(try await web.get("/metrics").status == 303)
        #expect(try await web.get("/metrics", headers: ["Authorization": "Bearer wrong-token-0123456789"]).status == 303)
        _ = try await web.get("/healthz")
        let scrape = try await web.get("/metrics", headers: ["Authorization": "Bearer \(token)"])
        #expect(scrape.status == 200 && scrape.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        func value(_ series: String) -> Double? {
            scrape.body.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
        }
        for level in ["urgent", "high", "normal"] {
            #expect(value("reputa_flags_unresolved{level=\"\(level)\"}") == Double(try cliIDs(store, ["--level", level]).count), "\(level)")
        }
        #expect(value("reputa_flags_overdue") == Double(try cliIDs(store, ["--status", "overdue"]).count))
        #expect(value("reputa_alerts_pending") != nil && value("reputa_alerts_failing") != nil)
        #expect((value("reputa_http_request_duration_seconds_count{route=\"/healthz\"}") ?? 0) >= 1, "\(scrape.body)")
        // The figures cover every location: an admin over all of them reads them, nobody else.
        try await web.signIn("vera", Self.password)
        #expect(try await web.get("/metrics").status == 403)
        let anna = WebClient(server.base)
        try await anna.signIn("anna", Self.password)
        #expect(try await anna.get("/metrics").status == 200)
    }

    /// A config of one location, Roma, and one CSV export holding one 1★ review.
    static func romaShop(_ temp: TempFolder, title: String, text: String) throws -> String {
        func cell(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        _ = try temp.write("exports/roma.csv", "id,date,stars,title,text\nr1,2026-11-20 12:00:00,1,\(cell(title)),\(cell(text))\n")
        return try temp.write("sources.yml", """
            version: 1
            store: "s.sqlite"
            timezone: Europe/Rome
            locations:
              - {id: roma, name: Roma}
            sources:
              - {name: shop, kind: csv, path: "exports/roma.csv", location: roma, map: {id: id, date: date, rating: stars, title: title, text: text}}
            """)
    }

    /// `watch --serve`: one process fetches and flags and serves the inbox; `/healthz` gives the
    /// last cycle's age; SIGTERM stops both with exit 0.
    @Test func watchServesTheInboxInTheSameProcess() async throws {
        let temp = try TempFolder()
        let config = try Self.romaShop(temp, title: "", text: "Servizio pessimo, mai più")
        let store = temp.path("s.sqlite")
        let server = try ServeProcess(config: config, store: store, command: ["watch", "--serve", "--tick", "1s"])
        let web = WebClient(server.base)
        var age: Int?
        for _ in 0..<100 where age == nil {
            let health = try await web.get("/healthz")
            age = (try? JSONSerialization.jsonObject(with: Data(health.body.utf8)) as? [String: Any])?["last_cycle_age_seconds"] as? Int
            if age == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(age != nil && age! < 30, "\(server.log)")
        try Self.addUsers(store, config: config, milano: false)
        try await web.signIn("rocco", Self.password)
        let queue = try await web.get("/")
        #expect(queue.body.contains("Servizio pessimo") && queueIDs(queue.body).count == 1)
        #expect(server.stop() == 0, "\(server.log)")
        #expect(server.log.contains("watch stopped after"))
    }

    @Test func aHostileReviewIsShownAsText() async throws {
        let temp = try TempFolder()
        let hostile = "Pessimo <script>alert(1)</script> \"><img src=x onerror=alert(2)> \u{202E}lanigiro\u{202C} servizio orribile"
        let config = try Self.romaShop(temp, title: "<b>titolo</b>", text: hostile)
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let store = temp.path("s.sqlite")
        try Self.addUsers(store, config: config, milano: false)
        let server = try ServeProcess(config: config, store: store)
        let web = WebClient(server.base)
        try await web.signIn("anna", Self.password)
        let queue = try await web.get("/")
        let id = try #require(queueIDs(queue.body).first)
        let page = try await web.get("/flags/\(id)")
        for body in [queue.body, page.body] {
            #expect(!body.contains("<script>alert") && !body.contains("<img src=x") && !body.contains("<b>titolo"))
        }
        #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        // The bidi override stays inside its own isolated element.
        #expect(page.body.contains("<bdi dir=\"auto\">Pessimo &lt;script&gt;"))
        #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
    }

    /// Sessions live in the store: a cookie from one instance opens pages on a second instance
    /// on the same PostgreSQL store (as behind a load balancer), and signing out on one ends it
    /// on both.
    @Test func aSessionFromOneInstanceWorksOnAnotherOnOnePostgreSQLStore() async throws {
        let temp = try TempFolder()
        let store = try testStore(.postgres, in: temp, copying: CompareTests.demoStore)
        try Self.addUsers(store, config: CompareTests.demoConfig)
        let first = try ServeProcess(config: CompareTests.demoConfig, store: store)
        let second = try ServeProcess(config: CompareTests.demoConfig, store: store)
        let a = WebClient(first.base), b = WebClient(second.base)
        #expect(try await a.signIn("rocco", Self.password).status == 303)
        b.cookies = a.cookies
        let queue = try await b.get("/")
        #expect(queue.status == 200 && queue.body.contains("rocco"))
        #expect((try await allQueueIDs(b, "/")) == (try cliIDs(store, ["--location", "roma"])))
        let id = try #require(queueIDs(queue.body).first)
        let csrf = try await b.csrf()
        #expect(try await b.post("/flags/\(id)/ack", [("_csrf", csrf)]).status == 303)
        #expect(try await a.get("/flags/\(id)").body.contains("<strong>rocco</strong>"))
        #expect(try await a.post("/logout", [("_csrf", csrf)]).status == 303)
        #expect(try await b.get("/").status == 303)
    }
}
