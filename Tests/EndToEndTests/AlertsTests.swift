import Foundation
import ReputaStoreTesting
import Testing

/// A webhook receiver on 127.0.0.1 (Support/webhook_sink.py) that logs every POST.
final class WebhookSink {
    let process = Process()
    let input = Pipe()
    let port: Int
    let folder: TempFolder

    init(fail: Int = 0, secret: String? = nil, hold: Double? = nil) throws {
        folder = try TempFolder()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/webhook_sink.py").path,
                             folder.path("log.jsonl"), "--fail", "\(fail)"] + (secret.map { ["--secret", $0] } ?? [])
            + (hold.map { ["--hold", "\($0)"] } ?? [])
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = input
        try process.run()
        port = try #require(firstLinePort(out), "webhook sink did not start")
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    var requests: [[String: Any]] {
        guard let text = try? String(contentsOfFile: folder.path("log.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

/// Alerts through the outbox to real webhooks on the loopback: exactly one delivery per flagged
/// review revision and channel, signed generic webhooks, retries with backoff after a 500,
/// and a dry run that sends nothing.
@Suite(.serialized) struct AlertsTests {
    /// The demo's sources.yml (its locations, flags and routes), its channels pointed at the sink
    /// on the loopback (allowed channel by channel). `maxAge`: `flags.alert_max_age`, when given.
    func demoConfig(_ temp: TempFolder, port: Int, smtpPort: Int, maxAge: String? = "off",
                    channels: [String] = ["oncall", "app-team", "milano-managers", "roma-managers", "napoli-managers", "marketing"]) throws -> String {
        var demo = try String(contentsOf: packageRoot.appendingPathComponent("sources.yml"), encoding: .utf8)
        if let maxAge { demo = demo.replacingOccurrences(of: "\nflags:\n", with: "\nflags:\n  alert_max_age: \(maxAge)\n") }
        let base = "http://127.0.0.1:\(port)"
        let all = [
            "oncall": "{name: oncall, slack: \"\(base)/slack/oncall\", allow_private_network: true}",
            "app-team": "{name: app-team, teams: \"\(base)/teams/app\", allow_private_network: true}",
            "milano-managers": "{name: milano-managers, webhook: \"\(base)/hook/milano\", secret: \"s3cret\", allow_private_network: true}",
            "roma-managers": "{name: roma-managers, webhook: \"\(base)/hook/roma\", secret: \"s3cret\", allow_private_network: true}",
            "napoli-managers": "{name: napoli-managers, webhook: \"\(base)/hook/napoli\", secret: \"s3cret\", allow_private_network: true}",
            "marketing": "{name: marketing, email: [marketing@example.com]}",
        ]
        return try temp.write("sources.yml", demo + """

            notifications:
              timeout: 10s
              mail: {url: "smtp://127.0.0.1:\(smtpPort)", starttls: false, from: "Reputa <reputa@example.com>"}
              channels:
            \(channels.map { "    - " + all[$0]! }.joined(separator: "\n"))
            """)
    }

    func json(_ out: Outcome) throws -> [[String: Any]] {
        #expect(out.status == 0, "\(out.stderr)")
        return try jsonArray(out.stdout)
    }

    func smallConfig(_ temp: TempFolder, port: Int) throws -> String {
        try temp.write("exports/a.csv", "id,date,stars,text\nr1,2026-11-20 12:00:00,1,Pessimo servizio\n")
        return try temp.write("sources.yml", """
            version: 1
            store: s.sqlite
            sources:
              - {name: shop, kind: csv, path: "exports/*.csv", timezone: UTC, map: {id: id, date: date, rating: stars, text: text}}
            http: {allow_private_network: true}
            flags:
              default_channel: ops
              alert_max_age: off
            notifications:
              channels:
                - {name: ops, webhook: "http://127.0.0.1:\(port)/hook"}
            """)
    }

    @Test func aFailingReceiverGetsRetriesWithBackoffUntilItAccepts() throws {
        let sink = try WebhookSink(fail: 2)
        let temp = try TempFolder()
        let config = try smallConfig(temp, port: sink.port)
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        func send(_ now: String) throws -> Outcome {
            try reputa(["alerts", "send", "--config", config], environment: ["REPUTA_NOW": now])
        }
        let first = try send("2026-11-24T10:00:00Z")
        #expect(first.status == 4)
        #expect(first.stderr.contains("ops: http://127.0.0.1:\(sink.port)/… answered HTTP 500; attempt 1, next in 1 min"), "\(first.stderr)")
        var alert = try #require(try json(try reputa(["alerts", "--config", config, "--format", "json"])).first)
        #expect(alert["status"] as? String == "pending" && alert["attempts"] as? Int == 1)
        #expect(alert["next_attempt_at"] as? String == "2026-11-24T10:01:00Z")
        // Not due yet: nothing is sent.
        #expect(try send("2026-11-24T10:00:30Z").status == 0)
        #expect(sink.requests.count == 1)
        // Due: a second 500, the wait doubles.
        #expect(try send("2026-11-24T10:01:00Z").status == 4)
        alert = try #require(try json(try reputa(["alerts", "--config", config, "--format", "json"])).first)
        #expect(alert["attempts"] as? Int == 2 && alert["next_attempt_at"] as? String == "2026-11-24T10:03:00Z")
        // The third attempt is accepted.
        #expect(try send("2026-11-24T10:03:00Z").status == 0)
        alert = try #require(try json(try reputa(["alerts", "--config", config, "--format", "json"])).first)
        #expect(alert["status"] as? String == "sent" && alert["attempts"] as? Int == 3)
        let requests = sink.requests
        #expect(requests.map { $0["status"] as? Int } == [500, 500, 200])
        #expect(Set(requests.compactMap { $0["delivery"] as? String }).count == 1)
        #expect(try send("2026-11-24T11:00:00Z").status == 0 && sink.requests.count == 3)
    }

    @Test func aDryRunPrintsWhatWouldBeSentAndSendsNothing() throws {
        let sink = try WebhookSink()
        let temp = try TempFolder()
        let config = try smallConfig(temp, port: sink.port)
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let dry = try reputa(["alerts", "send", "--dry-run", "--config", config])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would send alert 1 (flag 1, revision 1) to ops [webhook http://127.0.0.1:\(sink.port)/…]"))
        #expect(dry.stdout.contains("\"text\":\"Pessimo servizio\""))
        #expect(sink.requests.isEmpty)
        // Nothing was written: not the flag, not the alert (ReactionTests compares the whole dump).
        #expect(try json(try reputa(["alerts", "--config", config, "--format", "json"])).isEmpty)
    }

    /// With `serve.base_url` the alert links the flag's page in the inbox instead of naming a command.
    @Test func withTheInboxConfiguredAlertsLinkTheFlagsPage() throws {
        let sink = try WebhookSink()
        let temp = try TempFolder()
        try export(temp, "a", [("r1", 1, "Pessimo servizio, mai più")])
        var config = try channelConfig(temp, "{name: ops, webhook: \"http://127.0.0.1:\(sink.port)/hook\"}")
        config = try temp.write("sources.yml", try String(contentsOfFile: config, encoding: .utf8) + "\nserve: {base_url: \"https://inbox.example.com/\"}\n")
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let dry = try reputa(["alerts", "send", "--dry-run", "--config", config])
        #expect(dry.status == 0 && dry.stdout.contains("\"flag_url\":\"https://inbox.example.com/flags/1\""), "\(dry.stdout) \(dry.stderr)")
    }

    /// Reviews as a CSV export: (id, stars, text), all dated 2026-11-20.
    func export(_ temp: TempFolder, _ name: String, _ rows: [(String, Int, String)]) throws {
        _ = try temp.write("exports/\(name).csv", "id,date,stars,text\n"
                           + rows.map { "\($0.0),2026-11-20 12:00:00,\($0.1),\"\($0.2.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }.joined())
    }

    /// One source of CSV exports, every flag to `ops`, flags alerted however old (the exports
    /// are dated in November 2026), webhooks on the loopback allowed.
    func channelConfig(_ temp: TempFolder, _ channel: String, notifications: String = "",
                       store: String = "s.sqlite", maxAge: String = "off") throws -> String {
        try temp.write("sources.yml", """
            version: 1
            store: "\(store)"
            timezone: UTC
            http: {allow_private_network: true}
            sources:
              - {name: shop, kind: csv, path: "exports/*.csv", timezone: UTC, map: {id: id, date: date, rating: stars, text: text}}
            flags:
              default_channel: ops
              alert_max_age: \(maxAge)
            notifications:
            \(notifications)  channels:
                - \(channel)
            """)
    }

    func alertRows(_ config: String) throws -> [[String: Any]] {
        try json(try reputa(["alerts", "--config", config, "--format", "json"]))
    }

    static let urgentText = "Intossicazione alimentare dopo la cena, siamo stati male tutta la notte"

    @Test func anEmailChannelGetsOneMailPerAlertWithTheDeliveryIDAsMessageID() throws {
        let smtp = try SMTPSink(mode: "accept")
        let temp = try TempFolder()
        try export(temp, "a", [("r1", 1, Self.urgentText), ("r2", 2, "Servizio lento <script>alert(1)</script> & conto sbagliato")])
        let config = try channelConfig(temp, "{name: ops, email: [\"On Call <oncall@example.com>\"]}", notifications: """
              mail: {url: "smtp://127.0.0.1:\(smtp.port)", starttls: false, from: "Reputa <reputa@example.com>"}

            """)
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let send = try reputa(["alerts", "send", "--config", config], environment: ["REPUTA_NOW": "2026-11-24T10:00:00Z"])
        #expect(send.status == 0, "\(send.stderr)")
        #expect(send.stderr.contains("alerts: 2 sent, 0 failed"), "\(send.stderr)")
        #expect(smtp.messages.count == 2)
        var subjects: [String: String] = [:]
        for eml in smtp.messages {
            let parsed = try execute("/usr/bin/python3", [packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/mail_parse.py").path,
                                                          smtp.folder.path(eml)])
            let mail = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any], "\(parsed.stderr)")
            let id = try #require(mail["message_id"] as? String)
            subjects[id] = mail["subject"] as? String
            let parts = try #require(mail["parts"] as? [[String: Any]])
            #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
            let html = try #require(parts.last?["text"] as? String)
            #expect(!html.contains("<script"))
            if id == "<reputa-alert-2@example.com>" {
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; conto"))
                #expect((parts.first?["text"] as? String)?.contains("<script>alert(1)</script> & conto sbagliato") == true)
            }
        }
        #expect(subjects["<reputa-alert-1@example.com>"]?.hasPrefix("[Reputa] URGENT · (no location) · csv · 1★ of 5") == true,
                "\(subjects)")
        #expect(subjects["<reputa-alert-2@example.com>"]?.hasPrefix("[Reputa] HIGH") == true, "\(subjects)")
        let envelope = try String(contentsOfFile: smtp.folder.path("1.json"), encoding: .utf8)
        #expect(envelope.contains("\"oncall@example.com\""))
        #expect(try alertRows(config).allSatisfy { $0["status"] as? String == "sent" })
        // Sent once: a second pass mails nothing.
        #expect(try reputa(["alerts", "send", "--config", config]).status == 0 && smtp.messages.count == 2)
    }

    @Test func quietHoursHoldAllButUrgentAndTheMorningBurstGoesAsOneDigest() throws {
        let sink = try WebhookSink()
        let temp = try TempFolder()
        try export(temp, "a", [("u1", 1, Self.urgentText)] + (2...6).map { ("n\($0)", 2, "Servizio lento e conto sbagliato, numero \($0)") })
        let config = try channelConfig(temp, """
            {name: ops, webhook: "http://127.0.0.1:\(sink.port)/hook", quiet_hours: "22:00-07:00", throttle: {max: 2, per: 1h}}
            """)
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        func send(_ now: String) throws -> Outcome {
            let out = try reputa(["alerts", "send", "--config", config], environment: ["REPUTA_NOW": now])
            #expect(out.status == 0, "\(out.stderr)")
            return out
        }
        // 23:00: the urgent alert goes at once; the five others wait for 07:00.
        let night = try send("2026-11-24T23:00:00Z")
        #expect(night.stderr.contains("ops: 5 alerts held: quiet hours (22:00-07:00) until 2026-11-25T07:00:00Z"), "\(night.stderr)")
        #expect(sink.requests.count == 1)
        let first = try #require(sink.requests.first)
        #expect(first["delivery"] as? String == "reputa-alert-1" && (first["body"] as? String)?.contains("\"level\":\"urgent\"") == true)
        let held = try alertRows(config).filter { $0["status"] as? String == "pending" }
        #expect(held.count == 5)
        #expect(held.allSatisfy { $0["next_attempt_at"] as? String == "2026-11-25T07:00:00Z" })
        #expect(held.allSatisfy { ($0["note"] as? String)?.hasPrefix("quiet hours") == true })
        // 06:59: still quiet, nothing due.
        _ = try send("2026-11-25T06:59:00Z")
        #expect(sink.requests.count == 1)
        // 07:00: five due, budget two: one digest carries all five, most urgent first.
        let morning = try send("2026-11-25T07:00:00Z")
        #expect(morning.stderr.contains("alerts: 5 sent (1 digest)"), "\(morning.stderr)")
        #expect(sink.requests.count == 2)
        let digest = try #require(sink.requests.last)
        #expect(digest["delivery"] as? String == "reputa-digest-2")
        let body = try #require(try JSONSerialization.jsonObject(with: Data((digest["body"] as? String ?? "").utf8)) as? [String: Any])
        #expect(body["digest"] as? Bool == true && body["delivery_id"] as? String == "reputa-digest-2")
        let members = try #require(body["alerts"] as? [[String: Any]])
        #expect(Set(members.compactMap { $0["review_id"] as? String }) == ["n2", "n3", "n4", "n5", "n6"])
        let priorities = members.compactMap { $0["priority"] as? Int }
        #expect(priorities == priorities.sorted(by: >))
        #expect(try alertRows(config).filter { $0["batch"] as? String == "reputa-digest-2" }.count == 5)
        // 07:10, one more complaint: the budget has one message left, so it goes alone.
        try export(temp, "b", [("n7", 1, "Conto sbagliato e personale scortese")])
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        _ = try send("2026-11-25T07:10:00Z")
        #expect(sink.requests.last?["delivery"] as? String == "reputa-alert-7")
        // 07:20, another: the budget is spent, it waits until the 07:00 digest leaves the window.
        try export(temp, "c", [("n8", 1, "Attesa infinita e cibo freddo")])
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let throttled = try send("2026-11-25T07:20:00Z")
        #expect(throttled.stderr.contains("ops: 1 alert held: throttled: 2 messages per 60 min reached; until 2026-11-25T08:00:00Z"),
                "\(throttled.stderr)")
        #expect(sink.requests.count == 3)
        _ = try send("2026-11-25T08:00:00Z")
        #expect(sink.requests.last?["delivery"] as? String == "reputa-alert-8" && sink.requests.count == 4)
        // Each alert was delivered once.
        #expect(try alertRows(config).allSatisfy { $0["status"] as? String == "sent" })
    }

    @Test func aFailedDigestIsRetriedWholeUnderTheSameID() throws {
        let sink = try WebhookSink(fail: 1)
        let temp = try TempFolder()
        try export(temp, "a", (1...3).map { ("n\($0)", 2, "Servizio lento e conto sbagliato, numero \($0)") })
        let config = try channelConfig(temp, "{name: ops, webhook: \"http://127.0.0.1:\(sink.port)/hook\", throttle: {max: 1, per: 1h}}")
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let failed = try reputa(["alerts", "send", "--config", config], environment: ["REPUTA_NOW": "2026-11-24T10:00:00Z"])
        #expect(failed.status == 4, "\(failed.stderr)")
        // A fourth complaint arrives before the retry: it is not slipped into the planned digest.
        try export(temp, "b", [("n4", 1, "Conto sbagliato e personale scortese")])
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let retry = try reputa(["alerts", "send", "--config", config], environment: ["REPUTA_NOW": "2026-11-24T10:01:00Z"])
        #expect(retry.status == 0, "\(retry.stderr)")
        let requests = sink.requests
        #expect(requests.map { $0["status"] as? Int } == [500, 200])
        #expect(requests.map { $0["delivery"] as? String } == ["reputa-digest-1", "reputa-digest-1"])
        let bodies = requests.map { r in
            ((try? JSONSerialization.jsonObject(with: Data((r["body"] as? String ?? "").utf8))) as? [String: Any])?["alerts"] as? [[String: Any]] ?? []
        }
        #expect(bodies.map { Set($0.compactMap { $0["review_id"] as? String }) } == [["n1", "n2", "n3"], ["n1", "n2", "n3"]])
        let fourth = try #require(try alertRows(config).first { $0["id"] as? Int == 4 })
        #expect(fourth["status"] as? String == "pending" && (fourth["note"] as? String)?.hasPrefix("throttled") == true)
    }
}
