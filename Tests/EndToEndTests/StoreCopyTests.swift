import Foundation
import ReputaPostgres
import ReputaStore
import ReputaStoreTesting
import Testing

/// `reputa store copy` between SQLite and PostgreSQL, and the PostgreSQL store's faults seen
/// from the command line: a server restarted in the middle of an import, an unreachable
/// server, a wrong password.
@Suite(.serialized) struct StoreCopyTests {
    let config = packageRoot.appendingPathComponent("sources.yml").path
    let environment = ["PGPASSWORD": TestPostgres.password]

    func newDatabase(_ name: String = #function) throws -> String {
        let server = try TestPostgres.shared.get()
        return "\(server.url)/\(try server.freshDatabase(name).database)"
    }

    /// `store copy`'s JSON: table → rows.
    func counts(_ out: String) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try jsonArray(out).map { ($0["table"] as! String, $0["rows"] as! Int) })
    }

    /// Everything a user reads back, for comparing stores: reviews (tombstoned ones included),
    /// flags of every status with their numbers, the sources' holdings.
    func readBack(_ store: String) throws -> [String] {
        try [["reviews", "--format", "json", "--include-deleted"], ["flags", "--format", "json"],
             ["flags", "--status", "resolved", "--format", "json"], ["sources", "--format", "json"]].map { arguments in
            let out = try reputa(arguments + ["--config", config, "--store", store], environment: environment)
            #expect(out.status == 0, "\(arguments): \(out.stderr)")
            return out.stdout
        }
    }

    @Test func theDemoStoreGoesToPostgreSQLAndBackWithIdenticalCounts() throws {
        let temp = try TempFolder()
        let sqlite = temp.path("demo.sqlite"), back = temp.path("back.sqlite")
        #expect(try reputa(["run", "--config", config, "--store", sqlite]).status == 0)
        let postgres = try newDatabase()

        let there = try reputa(["store", "copy", "--from", sqlite, "--to", postgres, "--format", "json"], environment: environment)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stderr.contains("copied \(sqlite) into postgres://reputa@127.0.0.1:"))
        #expect(!there.stderr.contains(TestPostgres.password) && !there.stdout.contains(TestPostgres.password))
        let copied = try counts(there.stdout)
        // The counts are the SQLite file's own, read here with Python's sqlite3.
        let direct = try execute("/usr/bin/env", ["python3", "-c", """
            import json, sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            print(json.dumps({t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in sys.argv[2:]}))
            """, sqlite] + Array(copied.keys))
        #expect(try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as? [String: Int] == copied, "\(direct.stderr)")
        #expect(copied.count == 17 && copied["reviews"]! > 1000 && copied["flags"]! > 100 && copied["survey_answers"]! > 1000)

        let home = try reputa(["store", "copy", "--from", postgres, "--to", back, "--format", "json"], environment: environment)
        #expect(home.status == 0, "\(home.stderr)")
        #expect(try counts(home.stdout) == copied)
        let original = try readBack(sqlite)
        #expect(try readBack(postgres) == original)
        #expect(try readBack(back) == original)

        // Again: nothing written, the copy verified.
        let again = try reputa(["store", "copy", "--from", sqlite, "--to", postgres], environment: environment)
        #expect(again.status == 0 && again.stderr.contains("already holds this copy"), "\(again.stderr)")
        // The copy carries on as a store of its own: new events get new numbers after the copied ones.
        let flags = try jsonArray(try reputa(["flags", "--format", "json", "--config", config, "--store", postgres],
                                             environment: environment).stdout)
        let id = try #require(flags.first?["id"] as? Int)
        let ack = try reputa(["flags", "ack", "\(id)", "--by", "anna", "--config", config, "--store", postgres], environment: environment)
        #expect(ack.status == 0, "\(ack.stderr)")
        // Into a store that holds something else: refused, and the target is left as it was.
        let other = temp.path("other.sqlite")
        #expect(try reputa(["import", "--kind", "csv", "--source", "x", "--store", other, fixturePath("bad-rows.csv")],
                           cwd: temp.url).status == 0)
        let before = try readBack(other)
        let refused = try reputa(["store", "copy", "--from", sqlite, "--to", other])
        #expect(refused.status == 1)
        #expect(refused.stderrLines == ["reputa: store: \(other): already holds other data (snapshots: 1 rows here, \(copied["snapshots"]!) in \(sqlite)); copy into an empty store"],
                "\(refused.stderr)")
        #expect(try readBack(other) == before)
    }

    @Test func twoCopiesIntoOneStoreAtOnceCopyOnce() throws {
        let temp = try TempFolder()
        let sqlite = temp.path("demo.sqlite")
        #expect(try reputa(["run", "--config", config, "--store", sqlite]).status == 0)
        let postgres = try newDatabase()
        let arguments = ["store", "copy", "--from", sqlite, "--to", postgres, "--format", "json"]
        let first = try BackgroundReputa(arguments, environment: environment)
        let second = try BackgroundReputa(arguments, environment: environment)
        #expect(first.waitForExit(seconds: 120) && second.waitForExit(seconds: 120))
        #expect(first.process.terminationStatus == 0 && second.process.terminationStatus == 0, "\(first.stderr) \(second.stderr)")
        let said = [first.stderr, second.stderr]
        #expect(said.filter { $0.contains("copied ") }.count == 1, "\(said)")
        #expect(said.filter { $0.contains("already holds this copy") }.count == 1, "\(said)")
        #expect(try readBack(postgres) == (try readBack(sqlite)))
    }

    @Test func aServerRestartedDuringAnImportLeavesNothingHalfWritten() throws {
        let server = try TestPostgres.dedicated()
        defer { server.stop() }
        let database = try server.freshDatabase()
        let url = "\(server.url)/\(database.database)"
        let temp = try TempFolder()
        let rows = 20_000
        let csv = try temp.write("big.csv", "id,rating,date,text\n" + (1...rows).map {
            "\($0),\($0 % 5 + 1),2026-10-\(10 + $0 % 18),recensione numero \($0) scritta per la prova\n"
        }.joined())
        let importing = try BackgroundReputa(["import", "--kind", "csv", "--source", "big", "--store", url, csv],
                                             environment: environment, cwd: temp.url)
        // Restart the server once the import's transaction has written reviews.
        let store = try PostgresStore(database)
        #expect(waitUntil(seconds: 60) {
            ((try? store.session.query("""
                SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND xact_start IS NOT NULL AND query LIKE 'INSERT INTO reviews%'
                """).first?.decode(Int64.self)) ?? 0) > 0
        }, "the import never wrote reviews: \(importing.stderr)")
        try server.restart()
        #expect(importing.waitForExit(seconds: 60))
        #expect(importing.process.terminationStatus == 1, "\(importing.stderr)")
        let lines = importing.stderr.split(separator: "\n").filter { $0.hasPrefix("reputa: store: ") }
        #expect(lines.count == 1 && lines[0].hasPrefix("reputa: store: postgres://reputa@127.0.0.1:\(server.port)/"), "\(importing.stderr)")
        // Rolled back whole: no review, no ledger row, no snapshot row.
        let after = try PostgresStore(database)
        for table in ["reviews", "imports", "snapshots"] {
            #expect(try after.reading { try $0.fetchOne("SELECT COUNT(*) AS n FROM \(table)")?["n"] as Int? } == 0, "\(table)")
        }
        // The same import again: all of it, once.
        let again = try reputa(["import", "--kind", "csv", "--source", "big", "--store", url, csv],
                               environment: environment, cwd: temp.url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try after.reading { try $0.fetchOne("SELECT COUNT(*) AS n, COUNT(DISTINCT external_id) AS d FROM reviews") }
            .map { [$0["n"] as Int, $0["d"] as Int] } == [rows, rows])
    }

    @Test func anUnreachableServerOrAWrongPasswordIsOneLineWithoutThePassword() throws {
        let server = try TestPostgres.shared.get()
        let unused = try TestPostgres.freePort()
        let unreachable = try reputa(["reviews", "--store", "postgres://reputa@127.0.0.1:\(unused)/x"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderrLines.count == 1 && unreachable.stderr.hasPrefix(
            "reputa: store: postgres://reputa@127.0.0.1:\(unused)/x: cannot reach the server at 127.0.0.1:\(unused)"), "\(unreachable.stderr)")
        let secret = "not-the-password-\(UUID().uuidString.prefix(8))"
        let wrong = try reputa(["reviews", "--store", "postgres://reputa:\(secret)@127.0.0.1:\(server.port)/reputa_test"])
        #expect(wrong.status == 1)
        #expect(wrong.stderrLines.count == 1 && wrong.stderr.hasPrefix("reputa: store: postgres://reputa@127.0.0.1:\(server.port)/reputa_test: "),
                "\(wrong.stderr)")
        #expect(wrong.stderr.contains("password") && !wrong.stderr.contains(secret))
    }
}
