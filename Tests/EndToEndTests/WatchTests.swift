import Foundation
import ReputaStoreTesting
import Testing

/// `reputa watch` running in the background, its stderr in a file.
final class BackgroundReputa {
    let process = Process()
    let log: URL

    init(_ arguments: [String], environment: [String: String] = [:], cwd: URL? = nil) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-watch-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: reputaBinary)
        process.arguments = arguments
        process.environment = childEnvironment(environment)
        if let cwd { process.currentDirectoryURL = cwd }
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    var stderr: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits for the process to end; false when it is still running after `seconds`.
    func waitForExit(seconds: Double) -> Bool {
        waitUntil(seconds: seconds) { !self.process.isRunning }
    }
}

/// Polls `condition` every 50 ms for at most `seconds`.
func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return condition()
}

/// The watch loop for real: sources polled from a local HTTP server at their own intervals with
/// a broken one beside them, and alert delivery interrupted by SIGTERM (finished, then stopped)
/// and by SIGKILL (sent again on restart under the same delivery id) at a webhook receiver on
/// 127.0.0.1 that holds the first request open.
@Suite(.serialized) struct WatchTests {
    @Test(arguments: Engine.allCases) func eachSourceIsPolledAtItsOwnIntervalAndABrokenOneStopsNothing(_ engine: Engine) throws {
        let server = try TestServer(root: FetchTests.fixtures)
        let temp = try TempFolder()
        let config = try temp.write("sources.yml", """
            version: 1
            store: "\(try testStore(engine, in: temp))"
            http: {retries: 1, retry_delay: 0.05, host_delay: 0, low_speed_time: 2}
            sources:
              - {name: fast, kind: appstore-rss, url: "\(server.base)/appstore-it-page1.xml", allow_private_network: true, every: 1s}
              - {name: slow, kind: appstore-rss, url: "\(server.base)/etag/appstore-it-page1.xml", allow_private_network: true, every: 1h}
              - {name: broken, kind: appstore-rss, url: "\(server.base)/html-page", allow_private_network: true, every: 1s}
            """)
        let started = Date()
        let out = try reputa(["watch", "--config", config, "--tick", "1s", "--cycles", "8"])
        let elapsed = Date().timeIntervalSince(started)
        let cycles = out.stderrLines.filter { $0.hasPrefix("watch cycle ") }
        #expect(cycles.count == 8, "\(out.stderr)")
        #expect(cycles.first?.contains("fetched 2 of 3 due sources (failed: broken), 3 new, 0 updated reviews") == true, "\(out.stderr)")
        // The broken source is named with its URL on its own line, and the others go on.
        #expect(out.stderrLines.contains { $0.hasPrefix("reputa: ") && $0.contains("broken") && $0.contains("/html-page") },
                "\(out.stderr)")
        let hits = server.requests
        let fast = hits.filter { $0 == "/appstore-it-page1.xml" }.count
        let slow = hits.filter { $0 == "/etag/appstore-it-page1.xml" }.count
        // Every 1 s plus up to 10 % jitter: once at the start and once per 1–1.1 s after it.
        #expect(slow == 1)
        let expected = (1 + Int(elapsed / 1.1) - 1)...(1 + Int(elapsed))
        #expect(expected.contains(fast) && fast >= 3, "fast fetched \(fast) times in \(elapsed) s")
        // Nothing is stored twice however often the same page is read.
        let reviews = try jsonArray(try reputa(["reviews", "--config", config, "--format", "json"]).stdout)
        #expect(reviews.count == 3)
        // A restarted watch starts from the store's schedule: the slow source is not due again.
        _ = try reputa(["watch", "--config", config, "--tick", "1s", "--cycles", "1"])
        #expect(server.requests.filter { $0 == "/etag/appstore-it-page1.xml" }.count == 1)
    }

    /// Four complaints and one webhook channel (the sink, which may hold its first request).
    func alertSetup(_ temp: TempFolder, sink: WebhookSink, engine: Engine = .sqlite) throws -> String {
        let alerts = AlertsTests()
        try alerts.export(temp, "a", (1...4).map { ("r\($0)", 1, "Pessimo servizio, conto sbagliato numero \($0)") })
        return try alerts.channelConfig(temp, "{name: ops, webhook: \"http://127.0.0.1:\(sink.port)/hook\"}",
                                        store: try testStore(engine, in: temp))
    }

    func alerts(_ config: String) throws -> [[String: Any]] {
        try jsonArray(try reputa(["alerts", "--config", config, "--format", "json"]).stdout)
    }

    @Test func sigtermMidDeliveryFinishesTheAlertInFlightAndStops() throws {
        let sink = try WebhookSink(hold: 2)
        let temp = try TempFolder()
        let config = try alertSetup(temp, sink: sink)
        let watch = try BackgroundReputa(["watch", "--config", config, "--tick", "1s"])
        #expect(waitUntil(seconds: 60) { sink.requests.count == 1 }, "\(watch.stderr)")
        kill(watch.process.processIdentifier, SIGTERM) // while the receiver holds the first alert
        #expect(watch.waitForExit(seconds: 30), "watch did not stop: \(watch.stderr)")
        #expect(watch.process.terminationStatus == 0, "\(watch.stderr)")
        // The alert in flight was answered and recorded; nothing else was started.
        let inFlight = try #require(sink.requests.first?["delivery"] as? String)
        let rows = try alerts(config)
        #expect(rows.count == 4)
        #expect(rows.filter { $0["status"] as? String == "sent" }.map { "reputa-alert-\($0["id"] as? Int ?? 0)" } == [inFlight])
        #expect(sink.requests.count == 1)
        // A restart delivers the rest: every alert reached the receiver exactly once.
        let again = try reputa(["watch", "--config", config, "--tick", "1s", "--cycles", "1"])
        #expect(again.status == 0, "\(again.stderr)")
        let ids = sink.requests.compactMap { $0["delivery"] as? String }
        #expect(ids.count == 4 && Set(ids).count == 4)
        #expect(try alerts(config).allSatisfy { $0["status"] as? String == "sent" && $0["attempts"] as? Int == 1 })
    }

    @Test(arguments: Engine.allCases) func killedMidDeliveryAndRestartedNeitherLosesNorRepeatsAnAlert(_ engine: Engine) throws {
        let sink = try WebhookSink(hold: 30)
        let temp = try TempFolder()
        let config = try alertSetup(temp, sink: sink, engine: engine)
        let watch = try BackgroundReputa(["watch", "--config", config, "--tick", "1s"])
        #expect(waitUntil(seconds: 60) { sink.requests.count == 1 }, "\(watch.stderr)")
        kill(watch.process.processIdentifier, SIGKILL) // no chance to record anything
        #expect(watch.waitForExit(seconds: 10))
        let inFlight = try #require(sink.requests.first?["delivery"] as? String)
        // The receiver got it, the store never heard back: still pending, not yet counted as tried.
        let before = try alerts(config)
        #expect(before.count == 4 && before.allSatisfy { $0["status"] as? String == "pending" })
        let restart = try reputa(["watch", "--config", config, "--tick", "1s", "--cycles", "1"])
        #expect(restart.status == 0, "\(restart.stderr)")
        #expect(try alerts(config).allSatisfy { $0["status"] as? String == "sent" })
        // At least once on the wire: only the interrupted alert came twice, under the same id.
        let ids = sink.requests.compactMap { $0["delivery"] as? String }
        #expect(ids.count == 5)
        #expect(ids.filter { $0 == inFlight }.count == 2)
        // Exactly once at a receiver that keeps delivery ids: four alerts, none lost.
        let expected = Set(try alerts(config).map { "reputa-alert-\($0["id"] as? Int ?? 0)" })
        #expect(Set(ids) == expected && expected.count == 4)
    }
}
