import Foundation
import ReputaCore
import ReputaPostgres
import ReputaStore
import ReputaStoreTesting
import Testing

/// Three `reputa watch` processes share one PostgreSQL store and six sources on a local HTTP
/// server that logs each request's arrival: every source is fetched by one worker per
/// interval, no review is stored twice, no alert is sent twice, and a worker killed while it
/// fetches loses nothing (another takes its source over).
@Suite(.serialized) struct TeamWatchTests {
    static let sources = 6
    static let rowsPerSource = 5
    static let every = 4.0

    /// Source `n`'s export: five reviews, the first a complaint that raises an alert.
    static func export(_ n: Int) -> String {
        "id,rating,date,text\n" + (1...rowsPerSource).map { i in
            i == 1 ? "s\(n)-\(i),1,2026-11-2\(i),Pessimo servizio e conto sbagliato alla sede \(n)"
                   : "s\(n)-\(i),5,2026-11-2\(i),Ottimo pranzo numero \(i) alla sede \(n)"
        }.joined(separator: "\n") + "\n"
    }

    /// What the tests share: a working folder, the exports of sources 1…`sources` on a local
    /// HTTP server, and a new database on the test PostgreSQL server.
    struct Team {
        let temp: TempFolder
        let served: TempFolder
        let server: TestServer
        let database: PostgresLocation
        let store: String

        init(sources: Int) throws {
            temp = try TempFolder()
            served = try TempFolder()
            for n in 1...sources { _ = try served.write("s\(n).csv", TeamWatchTests.export(n)) }
            server = try TestServer(root: served.url.path)
            let postgres = try TestPostgres.shared.get()
            database = try postgres.freshDatabase()
            store = "\(postgres.url)/\(database.database)"
        }
    }

    @Test func threeWorkersFetchEachSourceOncePerIntervalAndAKilledOneLosesNothing() throws {
        let team = try Team(sources: Self.sources)
        let (temp, server, database) = (team.temp, team.server, team.database)
        let sink = try WebhookSink()
        // Source 1 answers after 3 s: the worker that takes it is killed while it waits.
        let config = try temp.write("sources.yml", """
            version: 1
            store: "\(team.store)"
            timezone: UTC
            http: {retries: 0, host_delay: 0, timeout: 20, concurrency: 2}
            sources:
            \((1...Self.sources).map { n in
                "  - {name: s\(n), kind: csv, url: \"\(server.base)/slow/\(n == 1 ? 3 : 0)/s\(n).csv\", allow_private_network: true, "
                    + "every: \(Int(Self.every))s, timezone: UTC}"
            }.joined(separator: "\n"))
            flags:
              default_channel: ops
              alert_max_age: off
            notifications:
              channels:
                - {name: ops, webhook: "http://127.0.0.1:\(sink.port)/hook", allow_private_network: true}
            """)
        let environment = ["PGPASSWORD": TestPostgres.password]
        let arguments = ["watch", "--config", config, "--tick", "1s", "--lease", "30s"]
        let workers = try (0..<3).map { _ in try BackgroundReputa(arguments, environment: environment) }
        let pids = Set(workers.map(\.process.processIdentifier))
        let started = Date()

        // Kill whichever worker holds source 1 while its request is in flight.
        let store = try PostgresStore(database)
        var victim: pid_t?
        #expect(waitUntil(seconds: 30) {
            guard server.requests.contains(where: { $0.hasPrefix("/slow/3/") }),
                  let holder = try? store.leases().first(where: { $0.name == "source:s1" })?.holder,
                  let pid = pid_t(holder.split(separator: "/").last ?? ""), pids.contains(pid) else { return false }
            victim = pid
            return true
        }, "no worker took source 1: \(workers.map(\.stderr))")
        let killed = try #require(workers.first { $0.process.processIdentifier == victim })
        // What it holds as it dies (source 1, maybe another whose fetch has not ended either).
        let interrupted = Set(try store.leases().filter { $0.holder?.hasSuffix("/\(killed.process.processIdentifier)") == true }
            .map { String($0.name.dropFirst("source:".count)) })
        let killedAt = Date()
        kill(killed.process.processIdentifier, SIGKILL)
        #expect(killed.waitForExit(seconds: 10))

        // Let the other two run four more intervals, then stop them cleanly.
        Thread.sleep(forTimeInterval: 4 * Self.every + 1)
        let survivors = workers.filter { $0.process.processIdentifier != victim }
        for worker in survivors { kill(worker.process.processIdentifier, SIGTERM) }
        for worker in survivors {
            #expect(worker.waitForExit(seconds: 30), "a worker did not stop: \(worker.stderr)")
            #expect(worker.process.terminationStatus == 0, "\(worker.stderr)")
        }
        let elapsed = Date().timeIntervalSince(started)

        // Each source: fetched again and again, never twice within an interval. The one
        // exception is a fetch cut short by the kill (source 1's, maybe one more of the dead
        // worker's), taken over right away (its process is gone) rather than one interval later.
        #expect(interrupted.contains("s1"), "\(interrupted)")
        let log = server.headerLog.compactMap { row -> (path: String, at: Double)? in
            guard let path = row["path"] as? String, let at = row["t"] as? Double else { return nil }
            return (path, at)
        }
        for n in 1...Self.sources {
            let times = log.filter { $0.path.hasSuffix("/s\(n).csv") }.map(\.at).sorted()
            #expect(times.count >= Int(elapsed / (Self.every * 1.1 + 3)), "s\(n) fetched \(times.count) times in \(elapsed) s")
            let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
            let early = gaps.filter { $0 < Self.every - 0.05 }
            if interrupted.contains("s\(n)") {
                #expect(early.count <= 1, "s\(n) gaps \(gaps)")
                // The victim may have claimed a source and died before its request reached the
                // server: then the takeover counts from the kill.
                let cut = times.last(where: { $0 <= killedAt.timeIntervalSince1970 }) ?? killedAt.timeIntervalSince1970
                if let next = times.first(where: { $0 > killedAt.timeIntervalSince1970 }) {
                    #expect(next - cut < Self.every + 3, "s\(n) was taken over after \(next - cut) s")
                } else {
                    Issue.record("""
                        s\(n) was not fetched again after the kill at \(killedAt.timeIntervalSince1970): \(times); \
                        leases \((try? store.leases()) ?? []); workers \(survivors.map(\.stderr))
                        """)
                }
            } else {
                #expect(early.isEmpty, "s\(n) fetched twice within an interval: gaps \(gaps)")
            }
            // Nobody went without: no gap longer than an interval, its jitter, a tick and a fetch.
            #expect(gaps.allSatisfy { $0 < Self.every * 1.1 + 5 }, "s\(n) gaps \(gaps)")
        }

        // Every review once; every alert sent once, to the one receiver.
        let reviews = try jsonArray(try reputa(["reviews", "--config", config, "--format", "json"], environment: environment).stdout)
        let ids = reviews.compactMap { $0["id"] as? String }
        #expect(ids.count == Self.sources * Self.rowsPerSource && Set(ids).count == ids.count, "\(ids)")
        let alerts = try jsonArray(try reputa(["alerts", "--config", config, "--format", "json"], environment: environment).stdout)
        #expect(alerts.count == Self.sources && alerts.allSatisfy { $0["status"] as? String == "sent" }, "\(alerts)")
        let deliveries = sink.requests.compactMap { $0["delivery"] as? String }
        #expect(deliveries.count == Self.sources && Set(deliveries).count == Self.sources, "\(deliveries)")
        // The ledger imported each export once, whoever fetched it.
        let imports = try store.reading { try $0.fetch("SELECT source, COUNT(*) AS n FROM imports GROUP BY source ORDER BY source") }
        #expect(imports.map { $0["n"] as Int } == Array(repeating: 1, count: Self.sources), "\(imports.map(\.values))")
    }

    /// A fetch that outlasts the lease: its worker renews the lease while the fetch runs, so
    /// the other worker, ticking every second, never fetches the source a second time.
    @Test func aFetchLongerThanTheLeaseIsNotTakenOverByAnotherWorker() throws {
        let team = try Team(sources: 1)
        let server = team.server
        let config = try team.temp.write("sources.yml", """
            version: 1
            store: "\(team.store)"
            timezone: UTC
            http: {retries: 0, host_delay: 0, timeout: 30}
            sources:
              - {name: s1, kind: csv, url: "\(server.base)/slow/7/s1.csv", allow_private_network: true, every: 1h, timezone: UTC}
            """)
        // A 2 s lease against a 7 s answer: without renewals the lease lapses three times over.
        let workers = try (0..<2).map { _ in try BackgroundReputa(["watch", "--config", config, "--tick", "1s", "--lease", "2s"]) }
        #expect(waitUntil(seconds: 30) { !server.requests.isEmpty }, "\(workers.map(\.stderr))")
        Thread.sleep(forTimeInterval: 10) // the fetch ends ~7 s after it began; both workers tick on
        for worker in workers { kill(worker.process.processIdentifier, SIGTERM) }
        for worker in workers {
            #expect(worker.waitForExit(seconds: 30), "a worker did not stop: \(worker.stderr)")
            #expect(worker.process.terminationStatus == 0, "\(worker.stderr)")
        }
        #expect(server.requests == ["/slow/7/s1.csv"], "\(workers.map(\.stderr))")
        let reviews = try jsonArray(try reputa(["reviews", "--config", config, "--format", "json"]).stdout)
        #expect(reviews.count == Self.rowsPerSource)
    }

}
