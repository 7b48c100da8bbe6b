import Foundation
import ReputaCore
import ReputaOutput
import Testing

/// What a review can and cannot do inside an alert: Slack and Teams escaping, safe links, the
/// generic webhook's exact text, and the HMAC signature against RFC 4231's test vector.
@Suite struct AlertPayloadTests {
    func flag(text: String, url: String = "https://g.page/r/1") -> FlaggedReview {
        let review = Review(source: "gbp-milano", portal: "google", externalID: "r1", location: "milano",
                            rating: Rating(value: 1, scale: .fiveStars), title: "Mai più", text: text,
                            createdAt: Timestamp(epochSeconds: 1_763_740_800), url: url)
        return FlaggedReview(id: 7, review: review, revision: 2,
                             decision: FlagDecision(priority: 95, level: .urgent, reasons: ["health and safety (food): \"food poisoning\""],
                                                    categories: ["food_safety"], topics: ["quality"], channels: ["oncall"]),
                             flaggedAt: Timestamp(epochSeconds: 1_763_741_000), dueAt: Timestamp(epochSeconds: 1_763_755_200),
                             status: .open)
    }

    static let hostile = "<!channel> @here read <http://evil.test|your bank> & [click](http://evil.test) **now**\u{202E} \u{1B}[2J"

    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func slackTextCannotMentionOrLink() throws {
        let body = try object(AlertPayload.slack(flag(text: Self.hostile), due: "2026-11-21 20:00 Europe/Rome"))
        let text = try #require(body["text"] as? String)
        #expect(body["parse"] as? String == "none" && body["unfurl_links"] as? Bool == false)
        #expect(!text.contains("<!channel>") && text.contains("&lt;!channel&gt;"))
        #expect(!text.contains("<http://evil.test|") && text.contains("&lt;http://evil.test|your bank&gt;"))
        #expect(!text.contains("@here") && text.contains("@\u{2060}here"))
        #expect(text.contains("&amp;"))
        #expect(!text.contains("\u{202E}") && !text.contains("\u{1B}"))
        #expect(text.hasPrefix("*URGENT · milano · google · 1★ of 5* (priority 95, due 2026-11-21 20:00 Europe/Rome)"))
        // Reputa's own link to the review is the one link in the message.
        #expect(text.contains("<https://g.page/r/1|open the review>"))
        let sneaky = try object(AlertPayload.slack(flag(text: "x", url: "javascript:alert(1)"), due: "d"))
        #expect((sneaky["text"] as? String)?.contains("javascript:") == false)
    }

    @Test func teamsMarkdownIsEscaped() throws {
        let body = try object(AlertPayload.teams(flag(text: Self.hostile), due: "d"))
        let sections = try #require(body["sections"] as? [[String: Any]])
        let text = try #require(sections.first?["text"] as? String)
        #expect(text.contains("\\[click\\]\\(http://evil.test\\)") && text.contains("\\*\\*now\\*\\*"))
        #expect(text.contains("&lt;\\!channel&gt;") && text.contains("@\u{2060}here"))
        #expect(body["themeColor"] as? String == "C0392B")
    }

    @Test func genericWebhookKeepsTheTextExactly() throws {
        let body = try object(AlertPayload.webhook(flag(text: Self.hostile), deliveryID: "reputa-alert-3",
                                                   now: Timestamp(epochSeconds: 1_763_741_100)))
        #expect(body["text"] as? String == Self.hostile)
        #expect(body["delivery_id"] as? String == "reputa-alert-3" && body["id"] as? Int == 7)
        #expect(body["level"] as? String == "urgent" && body["categories"] as? [String] == ["food_safety"])
        #expect(body["due_at"] as? String == "2025-11-21T20:00:00Z")
    }

    @Test func hmacMatchesTheRFC4231Vector() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        #expect(WebhookPoster.hmacSHA256(key: Array("Jefe".utf8), message: Data("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // The signature covers "<timestamp>.<body>".
        #expect(WebhookPoster.signature(secret: "Jefe", timestamp: "what do ya want for", body: Data(" nothing?".utf8))
                == "sha256=" + WebhookPoster.hmacSHA256(key: Array("Jefe".utf8), message: Data("what do ya want for. nothing?".utf8)))
        #expect(WebhookPoster.redacted("https://hooks.slack.com/services/T000/B000/XXXX") == "https://hooks.slack.com/…")
    }
}
