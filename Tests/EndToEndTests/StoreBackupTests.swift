import Foundation
import Testing

/// `reputa store backup` of the demo store while `reputa watch` is filling it: the copy is one
/// consistent commit (checked by Python's own sqlite3, not ours), and once watch has stopped a
/// second backup restores to exactly the live store.
@Suite struct StoreBackupTests {
    /// integrity_check, foreign_key_check and the review ids, read by Python's sqlite3.
    static func inspect(_ path: String) throws -> (integrity: String, dangling: Int, ids: Set<String>) {
        try #require(read(path), "python could not read \(path)")
    }

    /// nil while the store is not there yet (or has no tables yet).
    static func read(_ path: String) -> (integrity: String, dangling: Int, ids: Set<String>)? {
        let out = try? execute("/usr/bin/python3", ["-c", """
            import json, sqlite3, sys
            db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
            print(json.dumps({"integrity": db.execute("PRAGMA integrity_check").fetchone()[0],
                              "dangling": len(db.execute("PRAGMA foreign_key_check").fetchall()),
                              "ids": [r[0] + "|" + r[1] for r in db.execute("SELECT source, external_id FROM reviews")]}))
            """, path])
        guard let out, out.status == 0,
              let object = (try? JSONSerialization.jsonObject(with: Data(out.stdout.utf8))) as? [String: Any] else { return nil }
        return (object["integrity"] as? String ?? "", object["dangling"] as? Int ?? -1, Set(object["ids"] as? [String] ?? []))
    }

    @Test func aBackupTakenWhileWatchWritesIsConsistentAndRestoresExactly() throws {
        let temp = try TempFolder()
        let store = temp.path("live.sqlite")
        let config = packageRoot.appendingPathComponent("sources.yml").path
        let watch = try BackgroundReputa(["watch", "--config", config, "--store", store, "--tick", "1s"])
        // Back up again and again from the first payload in until the first cycle ends: some of
        // the copies are taken in the middle of its writes.
        #expect(waitUntil(seconds: 60) { (Self.read(store)?.ids.count ?? 0) > 0 }, "\(watch.stderr)")
        var copies: [String] = []
        while !watch.stderr.contains("watch cycle 1"), copies.count < 40 {
            let path = temp.path("during-\(copies.count).sqlite")
            let during = try reputa(["store", "backup", "--store", store, "--to", path])
            #expect(during.status == 0 && during.stdout.contains("integrity ok"), "\(during.stderr)")
            copies.append(path)
        }
        #expect(waitUntil(seconds: 120) { watch.stderr.contains("watch cycle 1") }, "\(watch.stderr)")
        kill(watch.process.processIdentifier, SIGTERM)
        #expect(watch.waitForExit(seconds: 30))

        let live = try Self.inspect(store)
        var partial = 0
        for path in copies {
            let copy = try Self.inspect(path)
            #expect(copy.integrity == "ok" && copy.dangling == 0, "\(path)")
            // One commit of the live store: everything it holds is in the store as it ended.
            #expect(!copy.ids.isEmpty && copy.ids.isSubset(of: live.ids), "\(copy.ids.count) of \(live.ids.count)")
            if copy.ids.count < live.ids.count { partial += 1 }
        }
        print("store backup: \(copies.count) backups during watch's first cycle, \(partial) of them mid-cycle")

        // Quiet now: a backup is the live store, table by table (store copy verifies every count).
        #expect(try reputa(["store", "backup", "--store", store, "--to", temp.path("after.sqlite")]).status == 0)
        let after = try Self.inspect(temp.path("after.sqlite"))
        #expect(after.integrity == "ok" && after.dangling == 0 && after.ids == live.ids)
        let restored = try reputa(["store", "copy", "--from", temp.path("after.sqlite"), "--to", temp.path("restored.sqlite")])
        #expect(restored.status == 0, "\(restored.stderr)")
        let reviews = { (path: String) throws -> String in try reputa(["reviews", "--store", path, "--format", "csv"]).stdout }
        #expect(try reviews(temp.path("after.sqlite")) == (try reviews(store)))

        // Never over an existing file; a PostgreSQL store is pointed elsewhere.
        let again = try reputa(["store", "backup", "--store", store, "--to", temp.path("after.sqlite")])
        #expect(again.status == 64 && again.stderr.contains("a backup never overwrites"), "\(again.stderr)")
    }
}
