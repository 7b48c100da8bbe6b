import Foundation
import Testing

/// SIGKILL in the middle of a payload's transaction (debug builds' fault hook): the store
/// stays sound, holds whole payloads only, and a re-run converges on the uninterrupted result.
@Suite struct CrashTests {
    @Test func killMidBatchLeavesWholeBatchesAndARerunConverges() throws {
        let temp = try TempFolder()
        let config = packageRoot.appendingPathComponent("sources.yml").path
        let only = ["--source", "aurora-trustpilot"]
        let clean = temp.path("clean.sqlite"), crashed = temp.path("crashed.sqlite")
        #expect(try reputa(["fetch", "--config", config, "--store", clean] + only).status == 0)

        // The first export holds 97 reviews (count its rows): die 53 rows into the second one.
        let killed = try reputa(["fetch", "--config", config, "--store", crashed] + only,
                                environment: ["REPUTA_FAULT_KILL_AFTER_REVIEWS": "150"])
        #expect(killed.status == 9 || killed.status == 137, "expected SIGKILL, got \(killed.status): \(killed.stderr)")

        let check = try execute("/usr/bin/env", ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            print(c.execute('PRAGMA integrity_check').fetchone()[0])
            print(c.execute('SELECT COUNT(*) FROM imports').fetchone()[0])
            print(c.execute('SELECT COUNT(*) FROM reviews').fetchone()[0])
            print(c.execute('SELECT COALESCE(SUM(new_count), 0) FROM imports').fetchone()[0])
            """, crashed])
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "ok")
        #expect(lines.count == 4)
        if lines.count == 4 {
            #expect(lines[1] == "1")                 // the first payload only, whole
            #expect(lines[2] == lines[3])            // every stored review belongs to a ledger row
        }

        #expect(try reputa(["fetch", "--config", config, "--store", crashed] + only).status == 0)
        let dump = { (store: String) in
            try reputa(["reviews", "--config", config, "--store", store, "--format", "json", "--include-deleted"]).stdout
        }
        #expect(try dump(crashed) == dump(clean))
    }
}
