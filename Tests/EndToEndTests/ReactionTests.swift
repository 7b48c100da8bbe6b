import Foundation
import ReputaStoreTesting
import Testing

/// One reaction path, whatever command evaluates the flags: every routed open flag reaches each
/// configured channel once (also a channel added later), a 16-week history is summarized instead
/// of alerted flag by flag, flags routed to channels nobody configured are reported, a dry run
/// leaves the store byte for byte as it was, and a webhook on the loopback is refused unless allowed.
@Suite(.serialized) struct ReactionTests {
    let alerts = AlertsTests()

    func json(_ out: Outcome) throws -> [[String: Any]] {
        #expect(out.status == 0, "\(out.stderr)")
        return try jsonArray(out.stdout)
    }

    /// "flag|channel" for every open flag and each channel its routes name, from `reputa flags`.
    func owed(_ flags: [[String: Any]], channels: Set<String>, where keep: ([String: Any]) -> Bool = { _ in true }) -> Set<String> {
        var out = Set<String>()
        for flag in flags where flag["status"] as? String == "open" && keep(flag) {
            for channel in flag["channels"] as? [String] ?? [] where channels.contains(channel) {
                out.insert("\(flag["id"] as? Int ?? 0)|\(channel)")
            }
        }
        return out
    }

    /// What reached the receivers, as "flag|channel" per alert sent on its own, and per summary
    /// message its delivery id with the "flag|channel" of its members (from the outbox's batches).
    func delivered(_ sink: WebhookSink, _ smtp: SMTPSink, outbox: [[String: Any]]) throws
        -> (single: [String], summaries: [String: Set<String>]) {
        var byID: [String: String] = [:]
        var batches: [String: Set<String>] = [:]
        for a in outbox {
            let key = "\(a["flag_id"] as? Int ?? 0)|\(a["channel"] as? String ?? "")"
            byID["reputa-alert-\(a["id"] as? Int ?? 0)"] = key
            if let batch = a["batch"] as? String { batches[batch, default: []].insert(key) }
        }
        let mails = try smtp.messages.map { try String(contentsOfFile: smtp.folder.path($0), encoding: .utf8) }
        let mailIDs = mails.compactMap { mail in
            mail.split(separator: "\r\n").first { $0.hasPrefix("Message-ID: <") }
                .map { String($0.dropFirst("Message-ID: <".count).prefix { $0 != "@" }) }
        }
        var single: [String] = [], summaries: [String: Set<String>] = [:]
        for id in sink.requests.compactMap({ $0["delivery"] as? String }) + mailIDs {
            if id.hasPrefix("reputa-summary-") {
                #expect(summaries[id] == nil, "summary \(id) delivered twice")
                summaries[id] = batches[id] ?? []
            } else {
                single.append(try #require(byID[id], "a delivery the outbox does not know: \(id)"))
            }
        }
        return (single, summaries)
    }

    static let demoChannels: Set<String> = ["oncall", "app-team", "milano-managers", "roma-managers", "napoli-managers", "marketing"]

    /// `flags` evaluates first (it used to mark the reviews seen and queue nothing), then
    /// `alerts send` delivers each routed open flag once per channel; a second send delivers nothing.
    @Test(arguments: Engine.allCases) func flagsThenAlertsSendDeliversEveryRoutedFlagOnce(_ engine: Engine) throws {
        let sink = try WebhookSink(secret: "s3cret")
        let smtp = try SMTPSink(mode: "accept")
        let temp = try TempFolder()
        let store = try testStore(engine, in: temp, copying: CompareTests.demoStore)
        let config = try alerts.demoConfig(temp, port: sink.port, smtpPort: smtp.port)
        let listed = try reputa(["flags", "--config", config, "--store", store, "--format", "json", "--status", "all"])
        #expect(listed.stderr.contains("alerts queued"), "\(listed.stderr)")
        let flags = try json(listed)
        #expect(sink.requests.isEmpty) // flags queues, it does not deliver
        let send = try reputa(["alerts", "send", "--config", config, "--store", store])
        #expect(send.status == 0, "\(send.stderr)")
        let expected = owed(flags, channels: Self.demoChannels)
        #expect(expected.count > 150)
        let got = try delivered(sink, smtp, outbox: try json(try reputa(["alerts", "--config", config, "--store", store, "--format", "json"])))
        #expect(got.summaries.isEmpty)
        #expect(Set(got.single) == expected && got.single.count == expected.count)
        // Teams gets an Adaptive Card whose body carries the review's link.
        let teams = try #require(sink.requests.first { ($0["path"] as? String)?.hasPrefix("/teams/") == true })
        let card = try #require(try JSONSerialization.jsonObject(with: Data((teams["body"] as? String ?? "").utf8)) as? [String: Any])
        let attachment = try #require((card["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let body = String(describing: (attachment["content"] as? [String: Any])?["body"] ?? "")
        #expect(body.contains("[Open the review](https://"), "\(body.prefix(600))")

        // Paths tell the kind; generic webhooks are signed, chat ones carry no secret header.
        for r in sink.requests {
            let path = r["path"] as? String ?? ""
            #expect(r["content_type"] as? String == "application/json; charset=utf-8")
            if path.hasPrefix("/hook/") { #expect(r["signature_valid"] as? Bool == true, "\(path)") }
            else { #expect(r["signature"] is NSNull || r["signature"] == nil, "\(path)") }
        }
        #expect(Set(sink.requests.compactMap { ($0["path"] as? String)?.split(separator: "/").first.map(String.init) })
                == ["slack", "teams", "hook"])
        #expect(smtp.messages.count == expected.filter { $0.hasSuffix("|marketing") }.count)

        let (requests, mails) = (sink.requests.count, smtp.messages.count)
        let again = try reputa(["alerts", "send", "--config", config, "--store", store])
        #expect(again.status == 0 && sink.requests.count == requests && smtp.messages.count == mails)
    }

    /// The demo's routes name six channels and its sources.yml defines none: `check` says so, the
    /// flags are listed as undeliverable and `alerts send` exits 4. Configured later, each channel
    /// hears of each open flag routed to it once, and never again.
    @Test func aChannelConfiguredLaterHearsOfEachOpenFlagOnce() throws {
        let sink = try WebhookSink(secret: "s3cret")
        let smtp = try SMTPSink(mode: "accept")
        let temp = try TempFolder()
        let store = try testStore(.sqlite, in: temp, copying: CompareTests.demoStore)
        let demo = CompareTests.demoConfig
        let check = try reputa(["check", "--config", demo])
        #expect(check.status == 0)
        for name in ["oncall", "app-team", "milano-managers", "marketing"] {
            #expect(check.stderr.contains("sends flags to channel \"\(name)\", which notifications.channels does not define"),
                    "\(check.stderr)")
        }
        let before = try reputa(["alerts", "send", "--config", demo, "--store", store])
        #expect(before.status == 4, "\(before.stderr)")
        #expect(before.stderr.contains("reputa: warning: unresolved flags are routed to channels that notifications: does not define (")
                && before.stderr.contains("oncall "), "\(before.stderr)")
        let flags = try json(try reputa(["flags", "--config", demo, "--store", store, "--format", "json", "--status", "all"]))
        let undeliverable = try json(try reputa(["alerts", "--status", "undeliverable", "--config", demo, "--store", store,
                                                 "--format", "json"]))
        let expected = owed(flags, channels: Self.demoChannels)
        #expect(Set(undeliverable.map { "\($0["flag_id"] as? Int ?? 0)|\($0["channel"] as? String ?? "")" }) == expected)
        #expect(undeliverable.allSatisfy { ($0["last_error"] as? String)?.hasPrefix("no channel \"") == true && $0["id"] is NSNull })
        #expect(try json(try reputa(["alerts", "--status", "pending", "--config", demo, "--store", store, "--format", "json"])).isEmpty)
        let one = try #require(undeliverable.first)
        let shown = try reputa(["flags", "show", "\(one["flag_id"] as? Int ?? 0)", "--config", demo, "--store", store])
        #expect(shown.stdout.contains("\(one["channel"] as? String ?? "?") (not in notifications: nobody hears of it)"), "\(shown.stdout)")

        // Configured now (a notifications: section must define every routed channel, or the config
        // is refused): each channel hears of each open flag routed to it, once.
        let all = try alerts.demoConfig(temp, port: sink.port, smtpPort: smtp.port)
        #expect(try reputa(["alerts", "send", "--config", all, "--store", store]).status == 0)
        let count = sink.requests.count + smtp.messages.count
        #expect(try reputa(["alerts", "send", "--config", all, "--store", store]).status == 0)
        #expect(sink.requests.count + smtp.messages.count == count)
        let got = try delivered(sink, smtp, outbox: try json(try reputa(["alerts", "--config", all, "--store", store, "--format", "json"])))
        #expect(Set(got.single) == expected && got.single.count == expected.count)
    }

    /// The whole 16-week history at once, the day after it ends, with `alert_max_age: 7d`: only
    /// the last week's flags are alerted one by one; the rest go in one summary per channel.
    @Test func aSixteenWeekBackfillSendsTheRecentFlagsAndOneSummaryPerChannel() throws {
        let sink = try WebhookSink(secret: "s3cret")
        let smtp = try SMTPSink(mode: "accept")
        let temp = try TempFolder()
        let store = try testStore(.sqlite, in: temp, copying: CompareTests.demoStore)
        let config = try alerts.demoConfig(temp, port: sink.port, smtpPort: smtp.port, maxAge: "7d")
        let now = "2026-11-23T12:00:00Z"
        let env = ["REPUTA_NOW": now]
        let send = try reputa(["alerts", "send", "--config", config, "--store", store], environment: env)
        #expect(send.status == 0, "\(send.stderr)")
        let flags = try json(try reputa(["flags", "--config", config, "--store", store, "--format", "json", "--status", "all"], environment: env))
        let cutoff = "2026-11-16T12:00:00Z" // seven days before now; ISO text orders like time
        let recent = owed(flags, channels: Self.demoChannels) { ($0["created_at"] as? String ?? "") >= cutoff }
        let old = owed(flags, channels: Self.demoChannels) { ($0["created_at"] as? String ?? "") < cutoff }
        #expect(!recent.isEmpty && old.count > 100, "\(recent.count) recent, \(old.count) old")
        let got = try delivered(sink, smtp, outbox: try json(try reputa(["alerts", "--config", config, "--store", store,
                                                                         "--format", "json"], environment: env)))
        #expect(Set(got.single) == recent && got.single.count == recent.count)
        // One summary per channel that had old flags, each counting exactly its channel's old flags.
        let channelsWithOld = Set(old.map { String($0.split(separator: "|")[1]) })
        #expect(got.summaries.count == channelsWithOld.count)
        #expect(got.summaries.values.reduce(Set<String>()) { $0.union($1) } == old)
        for members in got.summaries.values { #expect(Set(members.map { $0.split(separator: "|")[1] }).count == 1) }
        for channel in channelsWithOld {
            let n = old.filter { $0.hasSuffix("|" + channel) }.count
            #expect(send.stderr.contains("alerts: \(channel): \(n) flag\(n == 1 ? "" : "s") on reviews older than 7d go in one summary"),
                    "\(send.stderr)")
        }
        let summary = try #require(sink.requests.first { ($0["delivery"] as? String)?.hasPrefix("reputa-summary-") == true
            && ($0["path"] as? String)?.hasPrefix("/hook/") == true })
        let body = try #require(try JSONSerialization.jsonObject(with: Data((summary["body"] as? String ?? "").utf8)) as? [String: Any])
        #expect(body["summary"] as? Bool == true && body["count"] as? Int == got.summaries[summary["delivery"] as? String ?? ""]?.count)
        // `flags --summarized` lists the flags that were only summarized.
        let summarized = try json(try reputa(["flags", "--summarized", "--config", config, "--store", store, "--format", "json"],
                                             environment: env))
        #expect(Set(summarized.compactMap { $0["id"] as? Int }) == Set(old.compactMap { Int($0.split(separator: "|")[0]) }))
        // Nothing goes twice.
        let count = sink.requests.count + smtp.messages.count
        #expect(try reputa(["alerts", "send", "--config", config, "--store", store], environment: env).status == 0)
        #expect(sink.requests.count + smtp.messages.count == count)
    }

    /// SQLite's own dump of the store, table by table (Python's sqlite3 `iterdump`).
    func dump(_ path: String) throws -> String {
        let out = try execute("/usr/bin/python3", ["-c", "import sqlite3,sys\nfor l in sqlite3.connect(sys.argv[1]).iterdump(): print(l)", path])
        #expect(out.status == 0, "\(out.stderr)")
        return out.stdout
    }

    @Test func aDryRunPrintsWhatWouldGoAndLeavesTheStoreByteForByte() throws {
        let sink = try WebhookSink()
        let smtp = try SMTPSink(mode: "accept")
        let temp = try TempFolder()
        let store = try testStore(.sqlite, in: temp, copying: CompareTests.demoStore)
        let config = try alerts.demoConfig(temp, port: sink.port, smtpPort: smtp.port, maxAge: "7d")
        let env = ["REPUTA_NOW": "2026-11-23T12:00:00Z"]
        let before = try dump(store)
        #expect(before.contains("INSERT INTO \"reviews\""))
        let dry = try reputa(["alerts", "send", "--dry-run", "--config", config, "--store", store], environment: env)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would send alert ") && dry.stdout.contains("would send summary reputa-summary-"))
        #expect(dry.stderr.contains("would be sent (dry run)") && dry.stderr.contains("reviews evaluated"))
        #expect(try dump(store) == before)
        #expect(sink.requests.isEmpty && smtp.messages.isEmpty)
        // The real run sends what the dry run showed: the same number of messages.
        let shown = dry.stdout.components(separatedBy: "would send ").count - 1
        #expect(try reputa(["alerts", "send", "--config", config, "--store", store], environment: env).status == 0)
        #expect(sink.requests.count + smtp.messages.count == shown)
    }

    @Test func aWebhookOnTheLoopbackIsRefusedUnlessTheChannelAllowsIt() throws {
        let sink = try WebhookSink()
        let temp = try TempFolder()
        try alerts.export(temp, "a", [("r1", 1, AlertsTests.urgentText)])
        func config(_ allow: String) throws -> String {
            try temp.write("sources.yml", """
                version: 1
                store: s.sqlite
                sources:
                  - {name: shop, kind: csv, path: "exports/*.csv", timezone: UTC, map: {id: id, date: date, rating: stars, text: text}}
                flags: {default_channel: ops}
                notifications:
                  channels:
                    - {name: ops, webhook: "http://127.0.0.1:\(sink.port)/hook"\(allow)}
                """)
        }
        let env = ["REPUTA_NOW": "2026-11-20T13:00:00Z"]
        let refused = try config("")
        #expect(try reputa(["fetch", "--config", refused]).status == 0)
        let send = try reputa(["alerts", "send", "--config", refused], environment: env)
        #expect(send.status == 4)
        #expect(send.stderr.contains("ops: http://127.0.0.1:\(sink.port)/…: refused to connect to 127.0.0.1, a loopback address "
                                     + "(set allow_private_network: true on the channel, or in http:, to allow it)"), "\(send.stderr)")
        #expect(sink.requests.isEmpty)
        let row = try #require(try json(try reputa(["alerts", "--config", refused, "--format", "json"])).first)
        #expect(row["status"] as? String == "pending" && (row["last_error"] as? String)?.contains("refused to connect") == true)
        let allowed = try config(", allow_private_network: true")
        #expect(try reputa(["check", "--config", allowed]).stdout.contains("channel ops: webhook http://127.0.0.1:\(sink.port)/…, private network allowed"))
        let retry = try reputa(["alerts", "send", "--config", allowed], environment: ["REPUTA_NOW": "2026-11-20T13:05:00Z"])
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(sink.requests.count == 1)
    }
}
