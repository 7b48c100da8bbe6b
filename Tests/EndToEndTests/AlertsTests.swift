import Foundation
import Testing

/// A webhook receiver on 127.0.0.1 (Support/webhook_sink.py) that logs every POST.
final class WebhookSink {
    let process = Process()
    let input = Pipe()
    let port: Int
    let folder: TempFolder

    init(fail: Int = 0, secret: String? = nil) throws {
        folder = try TempFolder()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/webhook_sink.py").path,
                             folder.path("log.jsonl"), "--fail", "\(fail)"] + (secret.map { ["--secret", $0] } ?? [])
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
    /// The demo's sources.yml (its locations, flags and routes), its channels pointed at the sink.
    func demoConfig(_ temp: TempFolder, port: Int) throws -> String {
        let demo = try String(contentsOf: packageRoot.appendingPathComponent("sources.yml"), encoding: .utf8)
        let base = "http://127.0.0.1:\(port)"
        return try temp.write("sources.yml", demo + """

            notifications:
              timeout: 10s
              channels:
                - {name: oncall, slack: "\(base)/slack/oncall"}
                - {name: app-team, teams: "\(base)/teams/app"}
                - {name: milano-managers, webhook: "\(base)/hook/milano", secret: "s3cret"}
                - {name: roma-managers, webhook: "\(base)/hook/roma", secret: "s3cret"}
                - {name: napoli-managers, webhook: "\(base)/hook/napoli", secret: "s3cret"}
                - {name: marketing, slack: "\(base)/slack/marketing"}
            """)
    }

    func json(_ out: Outcome) throws -> [[String: Any]] {
        #expect(out.status == 0, "\(out.stderr)")
        return try jsonArray(out.stdout)
    }

    @Test func everyOpenDemoFlagIsDeliveredOncePerChannel() throws {
        let sink = try WebhookSink(secret: "s3cret")
        let temp = try TempFolder()
        let store = temp.path("alerts.sqlite")
        try FileManager.default.copyItem(atPath: CompareTests.demoStore, toPath: store)
        let config = try demoConfig(temp, port: sink.port)
        let send = try reputa(["alerts", "send", "--config", config, "--store", store])
        #expect(send.status == 0, "\(send.stderr)")

        let flags = try json(try reputa(["flags", "--config", config, "--store", store, "--format", "json"]))
        var expected = Set<String>()
        for flag in flags where flag["status"] as? String == "open" {
            for channel in flag["channels"] as? [String] ?? [] { expected.insert("\(flag["id"] as? Int ?? 0)|\(channel)") }
        }
        let alerts = try json(try reputa(["alerts", "--config", config, "--store", store, "--format", "json"]))
        var byDelivery: [String: String] = [:]
        for a in alerts {
            #expect(a["status"] as? String == "sent" && a["attempts"] as? Int == 1)
            byDelivery["reputa-alert-\(a["id"] as? Int ?? 0)"] = "\(a["flag_id"] as? Int ?? 0)|\(a["channel"] as? String ?? "")"
        }
        let requests = sink.requests
        let delivered = requests.compactMap { byDelivery[$0["delivery"] as? String ?? ""] }
        #expect(expected.count > 150)
        #expect(delivered.count == requests.count) // every request names a queued alert
        #expect(Set(delivered) == expected)
        #expect(delivered.count == expected.count) // and none twice
        // Paths tell the kind; generic webhooks are signed, chat ones carry no secret header.
        for r in requests {
            let path = r["path"] as? String ?? ""
            #expect(r["content_type"] as? String == "application/json; charset=utf-8")
            if path.hasPrefix("/hook/") { #expect(r["signature_valid"] as? Bool == true, "\(path)") }
            else { #expect(r["signature"] is NSNull || r["signature"] == nil, "\(path)") }
        }
        #expect(Set(requests.compactMap { ($0["path"] as? String)?.split(separator: "/").first.map(String.init) })
                == ["slack", "teams", "hook"])

        // Nothing new, nothing sent again.
        let again = try reputa(["alerts", "send", "--config", config, "--store", store])
        #expect(again.status == 0 && sink.requests.count == requests.count)
    }

    func smallConfig(_ temp: TempFolder, port: Int) throws -> String {
        try temp.write("exports/a.csv", "id,date,stars,text\nr1,2026-11-20 12:00:00,1,Pessimo servizio\n")
        return try temp.write("sources.yml", """
            version: 1
            store: s.sqlite
            sources:
              - {name: shop, kind: csv, path: "exports/*.csv", timezone: UTC, map: {id: id, date: date, rating: stars, text: text}}
            flags:
              default_channel: ops
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
        let alert = try #require(try json(try reputa(["alerts", "--config", config, "--format", "json"])).first)
        #expect(alert["status"] as? String == "pending" && alert["attempts"] as? Int == 0)
    }
}
