import Foundation
import ReputaStoreTesting
import ReputaPostgres
import ReputaStore
import Testing

/// SIGKILL in the middle of a payload's transaction (debug builds' fault hook): the store
/// stays sound, holds whole payloads only, and a re-run converges on the uninterrupted result.
@Suite struct CrashTests {
    /// Payloads in the ledger, reviews, and the reviews the ledger says its payloads added.
    func ledger(_ store: String) throws -> [Int] {
        let opened: any SQLStore = store.hasPrefix("postgres://")
            ? try PostgresStore(try PostgresLocation(url: store, environment: ["PGPASSWORD": TestPostgres.password]))
            : try SQLiteStore(path: store)
        return try opened.reading { db in
            [try db.fetchOne("SELECT COUNT(*) AS n FROM imports")?["n"] ?? -1,
             try db.fetchOne("SELECT COUNT(*) AS n FROM reviews")?["n"] ?? -1,
             try db.fetchOne("SELECT COALESCE(SUM(new_count), 0) AS n FROM imports")?["n"] ?? -1]
        }
    }

    @Test(arguments: Engine.allCases) func killMidBatchLeavesWholeBatchesAndARerunConverges(_ engine: Engine) throws {
        let temp = try TempFolder()
        let config = packageRoot.appendingPathComponent("sources.yml").path
        let only = ["--source", "aurora-trustpilot"]
        let clean = temp.path("clean.sqlite"), crashed = try testStore(engine, in: temp)
        #expect(try reputa(["fetch", "--config", config, "--store", clean] + only).status == 0)

        // The first export holds 97 reviews (count its rows): die 53 rows into the second one.
        let killed = try reputa(["fetch", "--config", config, "--store", crashed] + only,
                                environment: ["REPUTA_FAULT_KILL_AFTER_REVIEWS": "150"])
        #expect(killed.status == 9 || killed.status == 137, "expected SIGKILL, got \(killed.status): \(killed.stderr)")

        if engine == .sqlite {
            let check = try execute("/usr/bin/env", ["python3", "-c", """
                import sqlite3, sys
                print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])
                """, crashed])
            #expect(check.stdout == "ok\n")
        }
        let held = try ledger(crashed)
        #expect(held[0] == 1)                        // the first payload only, whole
        #expect(held[1] == held[2] && held[1] > 0)   // every stored review belongs to a ledger row

        #expect(try reputa(["fetch", "--config", config, "--store", crashed] + only).status == 0)
        let dump = { (store: String) in
            try reputa(["reviews", "--config", config, "--store", store, "--format", "json", "--include-deleted"]).stdout
        }
        #expect(try dump(crashed) == dump(clean))
    }
}
