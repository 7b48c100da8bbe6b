import Foundation
import ReputaCore
import ReputaNet
import ReputaOutput
import Testing

/// What a review can and cannot do inside an alert, kind by kind: Slack and Teams escaping, the
/// Adaptive Card's plain-text runs and its link in the body, safe links, the generic webhook's
/// exact text, deadlines that have passed, summaries, and the HMAC signature against RFC 4231.
@Suite struct ChannelFormatTests {
    func flag(text: String, url: String = "https://g.page/r/1", id: Int64 = 7, level: FlagLevel = .urgent) -> FlaggedReview {
        let review = Review(source: "gbp-milano", portal: "google", externalID: "r\(id)", location: "milano",
                            rating: Rating(value: 1, scale: .fiveStars), title: "Mai più", text: text,
                            createdAt: Timestamp(epochSeconds: 1_763_740_800), url: url)
        return FlaggedReview(id: id, review: review, revision: 2,
                             decision: FlagDecision(priority: level == .urgent ? 95 : 60, level: level,
                                                    reasons: ["health and safety (food): \"food poisoning\""],
                                                    categories: ["food_safety"], topics: ["quality"], channels: ["oncall"]),
                             flaggedAt: Timestamp(epochSeconds: 1_763_741_000), dueAt: Timestamp(epochSeconds: 1_763_755_200),
                             status: .open)
    }

    static let hostile = "<!channel> @here read <http://evil.test|your bank> & [click](http://evil.test) **now**\u{202E} \u{1B}[2J {{DATE(2017-02-14T06:08:39Z,SHORT)}}"

    /// Before the deadline (2025-11-21T20:00Z), in Rome.
    let context = AlertContext(deliveryID: "reputa-alert-3", now: Timestamp(epochSeconds: 1_763_741_100), zone: "Europe/Rome")

    func json(_ kind: ChannelKind, _ content: AlertContent, _ context: AlertContext? = nil) throws -> [String: Any] {
        guard case let .json(data) = kind.format.message(content, context ?? self.context) else {
            Issue.record("\(kind) made no JSON body")
            return [:]
        }
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func slackTextCannotMentionOrLink() throws {
        let body = try json(.slack, .single(flag(text: Self.hostile)))
        let text = try #require(body["text"] as? String)
        #expect(body["parse"] as? String == "none" && body["unfurl_links"] as? Bool == false)
        #expect(!text.contains("<!channel>") && text.contains("&lt;!channel&gt;"))
        #expect(!text.contains("<http://evil.test|") && text.contains("&lt;http://evil.test|your bank&gt;"))
        #expect(!text.contains("@here") && text.contains("@\u{2060}here"))
        #expect(text.contains("&amp;"))
        #expect(!text.contains("\u{202E}") && !text.contains("\u{1B}"))
        // 20:00Z is 21:00 in Rome in November.
        #expect(text.hasPrefix("*URGENT · milano · google · 1★ of 5* (priority 95, due 2025-11-21 21:00 Europe/Rome)"))
        // Reputa's own link to the review is the one link in the message.
        #expect(text.contains("<https://g.page/r/1|open the review>"))
        let sneaky = try json(.slack, .single(flag(text: "x", url: "javascript:alert(1)")))
        #expect((sneaky["text"] as? String)?.contains("javascript:") == false)
        let closing = try json(.slack, .single(flag(text: "x", url: "https://ok.test/a|b>c")))
        #expect((closing["text"] as? String)?.contains("ok.test") == false)
    }

    /// A channel with `lang: it` writes every word around the review in Italian, the flagger's
    /// reasons included; the review itself stays as written.
    @Test(arguments: ChannelKind.allCases) func anItalianChannelWritesItalian(_ kind: ChannelKind) throws {
        let it = AlertContext(deliveryID: "reputa-alert-3", now: Timestamp(epochSeconds: 1_763_741_100), zone: "Europe/Rome",
                              from: "Reputa <r@example.com>", to: ["oncall@example.com"], inboxURL: "https://inbox.example.com",
                              lang: .italian)
        let single = flag(text: "Intossicazione dopo la cena")
        let digest = [single, flag(text: "Servizio lento", id: 8, level: .high)]
        let quiet = ReportDocument.QuietSource(source: "gbp-milano", status: "stale", newestAgeDays: 14, staleAfterDays: 7)
        for content: AlertContent in [.single(single), .digest(digest), .summary(digest, maxAge: 7 * 86_400), .quietSources([quiet])] {
            let text: String
            switch kind.format.message(content, it) {
            // (Markdown escapes of the MessageCard left out: `2025\\-11` reads 2025-11.)
            case let .json(data): text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\", with: "")
            case let .mail(m): text = m.subject + "\n" + m.text + "\n" + m.html
            }
            if kind == .webhook {
                // The webhook's fields are data (level, reasons as the store keeps them); only its summary text is words.
                if case .summary = content { #expect(text.contains("2 segnalazioni meno recenti non inviate una per una: urgenti: 1, alte: 1")) }
                if case .quietSources = content { #expect(text.contains("\"quiet_sources\":[{") && text.contains("1 fonte silenziosa")) }
                continue
            }
            switch content {
            case .single:
                #expect(text.contains("URGENTE · milano · google · 1★ su 5"), "\(kind): \(text)")
                #expect(text.contains("priorità 95") || text.contains("Priorità"), "\(kind)")
                #expect(text.contains("scadenza 2025-11-21 21:00 Europe/Rome"), "\(kind)")
                #expect(text.contains("salute e sicurezza (cibo)") && !text.contains("health and safety"), "\(kind)")
                #expect(text.contains("pri la recensione") && !text.contains("pen the review"), "\(kind)")
                #expect(text.contains("Intossicazione dopo la cena"), "\(kind)")
            case .digest:
                #expect(text.contains("2 recensioni segnalate: urgenti: 1, alte: 1"), "\(kind): \(text)")
            case .summary:
                #expect(text.contains("avevano più di 7 giorni"), "\(kind): \(text)")
            case .quietSources:
                #expect(text.contains("1 fonte silenziosa") && text.contains("gbp-milano: ultima recensione 14 giorni fa; attesa entro 7 giorni"),
                        "\(kind): \(text)")
            }
            #expect(!text.contains("flagged review") && !text.contains("(priority "), "\(kind): \(text)")
        }
    }

    @Test func anAlertSentAfterItsDeadlineSaysOverdueSince() throws {
        let late = AlertContext(deliveryID: "reputa-alert-3", now: Timestamp(epochSeconds: 1_763_755_200 + 86_400), zone: "Europe/Rome")
        let f = flag(text: "x")
        #expect(late.deadline(f) == "overdue since 2025-11-21 21:00 Europe/Rome")
        #expect(context.deadline(f) == "due 2025-11-21 21:00 Europe/Rome")
        #expect((try json(.slack, .single(f), late)["text"] as? String)?.contains("(priority 95, overdue since 2025-11-21 21:00 Europe/Rome)") == true)
        #expect(try json(.webhook, .single(f), late)["overdue"] as? Bool == true)
        #expect(try json(.webhook, .single(f))["overdue"] as? Bool == false)
        guard case let .mail(mail) = ChannelKind.email.format.message(.single(f), late) else { Issue.record("no mail"); return }
        #expect(mail.text.contains("overdue since 2025-11-21 21:00 Europe/Rome"))
    }

    @Test func teamsMessageCardMarkdownIsEscaped() throws {
        let body = try json(.teamsMessageCard, .single(flag(text: Self.hostile)))
        let sections = try #require(body["sections"] as? [[String: Any]])
        let text = try #require(sections.first?["text"] as? String)
        #expect(text.contains("\\[click\\]\\(http://evil.test\\)") && text.contains("\\*\\*now\\*\\*"))
        #expect(text.contains("&lt;\\!channel&gt;") && text.contains("@\u{2060}here"))
        // The link in the text, not only in the button, then the flag's number and where to see it.
        #expect(text.hasSuffix("[Open the review](https://g.page/r/1)\n\nflag 7 · reputa flags show 7"))
        #expect(body["themeColor"] as? String == "C0392B" && body["@type"] as? String == "MessageCard")
    }

    /// Every element of an Adaptive Card, depth first.
    func elements(_ value: Any) -> [[String: Any]] {
        if let object = value as? [String: Any] { return [object] + object.values.flatMap(elements) }
        if let array = value as? [Any] { return array.flatMap(elements) }
        return []
    }

    @Test func teamsWorkflowsGetAnAdaptiveCardWithTheLinkInItsBody() throws {
        let body = try json(.teams, .single(flag(text: Self.hostile)))
        #expect(body["type"] as? String == "message")
        let attachment = try #require((body["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard" && card["version"] as? String == "1.4")
        let cardBody = try #require(card["body"] as? [[String: Any]])
        let all = elements(cardBody)
        // The review's words are only in TextRuns (plain text); every Markdown TextBlock is Reputa's own.
        let runs = all.filter { $0["type"] as? String == "TextRun" }.compactMap { $0["text"] as? String }
        let run = try #require(runs.first { $0.contains("[click](http://evil.test)") })
        #expect(run.contains("@\u{2060}here") && !run.contains("\u{202E}") && !run.contains("\u{1B}"))
        #expect(run.contains("{\u{2060}{DATE(") && !run.contains("{{"))
        let blocks = all.filter { $0["type"] as? String == "TextBlock" }.compactMap { $0["text"] as? String }
        #expect(blocks == ["[Open the review](https://g.page/r/1)"])
        let facts = try #require(all.first { $0["type"] as? String == "FactSet" }?["facts"] as? [[String: String]])
        #expect(facts == [["title": "Priority", "value": "95"], ["title": "Deadline", "value": "due 2025-11-21 21:00 Europe/Rome"]])
        let action = try #require((card["actions"] as? [[String: Any]])?.first)
        #expect(action["type"] as? String == "Action.OpenUrl" && action["url"] as? String == "https://g.page/r/1")
        // A link that could close the Markdown around it is left out of the body and the action.
        let odd = try json(.teams, .single(flag(text: "x", url: "https://ok.test/a)](javascript:alert(1))")))
        #expect(!String(describing: odd).contains("ok.test"))
    }

    @Test func genericWebhookKeepsTheTextExactly() throws {
        let body = try json(.webhook, .single(flag(text: Self.hostile)))
        #expect(body["text"] as? String == Self.hostile)
        #expect(body["delivery_id"] as? String == "reputa-alert-3" && body["id"] as? Int == 7)
        #expect(body["level"] as? String == "urgent" && body["categories"] as? [String] == ["food_safety"])
        #expect(body["due_at"] as? String == "2025-11-21T20:00:00Z")
    }

    @Test func aSummaryCountsTheOlderFlagsAndNamesTheMostUrgent() throws {
        let flags = [flag(text: "a", id: 1)] + (2...7).map { flag(text: "n\($0)", id: Int64($0), level: .high) }
        let ctx = AlertContext(deliveryID: "reputa-summary-1", now: context.now, zone: "UTC")
        let slack = try #require(try json(.slack, .summary(flags, maxAge: 7 * 86_400))["text"] as? String)
        #expect(slack.hasPrefix("*7 older flags not alerted one by one: 1 urgent, 6 high*"))
        #expect(slack.contains("older than 7 days") && slack.contains("reputa flags --summarized"))
        #expect(slack.components(separatedBy: "\nflag ").count - 1 == 5) // the five most urgent, by number
        let hook = try json(.webhook, .summary(flags, maxAge: 7 * 86_400), ctx)
        #expect(hook["summary"] as? Bool == true && hook["count"] as? Int == 7 && hook["flag_ids"] as? [Int] == [1, 2, 3, 4, 5, 6, 7])
        #expect(hook["delivery_id"] as? String == "reputa-summary-1" && hook["max_age_seconds"] as? Int == 604_800)
        guard case let .mail(mail) = ChannelKind.email.format.message(.summary(flags, maxAge: 86_400),
                                                                      AlertContext(deliveryID: "reputa-summary-1", now: context.now,
                                                                                   zone: "UTC", from: "Reputa <r@example.com>",
                                                                                   to: ["a@example.com"])) else {
            Issue.record("no mail"); return
        }
        #expect(mail.subject == "[Reputa] 7 older flags not alerted one by one: 1 urgent, 6 high")
        #expect(mail.messageID == "<reputa-summary-1@example.com>" && mail.text.contains("older than 1 day"))
    }

    @Test(arguments: ChannelKind.allCases) func everyKindWordsEveryMessage(kind: ChannelKind) throws {
        let flags = [flag(text: "uno", id: 1), flag(text: "due", id: 2, level: .high)]
        let ctx = AlertContext(deliveryID: "d", now: context.now, zone: "UTC", from: "r@example.com", to: ["a@example.com"])
        for content in [AlertContent.single(flags[0]), .digest(flags), .summary(flags, maxAge: nil)] {
            switch kind.format.message(content, ctx) {
            case let .json(data):
                #expect(kind != .email)
                let text = String(decoding: data, as: UTF8.self)
                #expect(text.contains("uno"), "\(kind) \(content)")
            case let .mail(mail):
                #expect(kind == .email && mail.text.contains("uno") && mail.to == ["a@example.com"])
            }
        }
    }

    /// With `serve.base_url` every kind links the flag's page in the inbox, for one flag and in a
    /// digest; without it the message names the command that shows the flag.
    @Test(arguments: ChannelKind.allCases) func withTheInboxEveryKindLinksTheFlagsPage(kind: ChannelKind) throws {
        let flags = [flag(text: "uno", id: 41), flag(text: "due", id: 42, level: .high)]
        let inbox = AlertContext(deliveryID: "d", now: context.now, zone: "UTC", from: "r@example.com", to: ["a@example.com"],
                                 inboxURL: "https://inbox.example.com")
        let plain = AlertContext(deliveryID: "d", now: context.now, zone: "UTC", from: "r@example.com", to: ["a@example.com"])
        func words(_ content: AlertContent, _ ctx: AlertContext) -> String {
            switch kind.format.message(content, ctx) {
            case let .json(data): return String(decoding: data, as: UTF8.self)
            case let .mail(mail): return mail.text + "\n" + mail.html
            }
        }
        for content in [AlertContent.single(flags[0]), .digest(flags)] {
            #expect(words(content, inbox).contains("https://inbox.example.com/flags/41"), "\(kind) \(content)")
            #expect(!words(content, plain).contains("inbox.example.com"))
        }
        #expect(words(.digest(flags), inbox).contains("https://inbox.example.com/flags/42"), "\(kind)")
        if kind != .webhook {
            #expect(words(.single(flags[0]), plain).contains("reputa flags show 41"), "\(kind)")
            #expect(!words(.single(flags[0]), inbox).contains("reputa flags show 41"), "\(kind)")
        }
        // A base URL that could break the markup around a link is never used.
        let broken = AlertContext(deliveryID: "d", now: context.now, zone: "UTC", inboxURL: "https://x.test/a|b>")
        #expect(broken.flagPage(flags[0]) == nil && broken.flagReference(flags[0]) == "reputa flags show 41")
    }

    @Test func hmacMatchesTheRFC4231Vector() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        #expect(WebhookPoster.hmacSHA256(key: Array("Jefe".utf8), message: Data("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // The signature covers "<timestamp>.<body>".
        #expect(WebhookPoster.signature(secret: "Jefe", timestamp: "what do ya want for", body: Data(" nothing?".utf8))
                == "sha256=" + WebhookPoster.hmacSHA256(key: Array("Jefe".utf8), message: Data("what do ya want for. nothing?".utf8)))
    }
}
