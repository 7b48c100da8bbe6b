import Foundation
import ReputaStoreTesting
import Testing

/// Bad input: one clear line (stage, source, place), a documented exit code, nothing half-written.
@Suite struct BadInputTests {
    func importOne(_ file: String, kind: String = "csv", in temp: TempFolder) throws -> Outcome {
        try reputa(["import", "--kind", kind, "--source", "bad", "--store", temp.path("s.sqlite"), file], cwd: temp.url)
    }

    func assertNothingWritten(_ temp: TempFolder) throws {
        let rows = try jsonArray(try reputa(["reviews", "--format", "json", "--store", temp.path("s.sqlite")], cwd: temp.url).stdout)
        #expect(rows.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: temp.path("snapshots/bad")))
    }

    @Test(arguments: [
        ("empty.csv", "csv", "reputa: parse bad: %@: empty file"),
        ("header-only.csv", "csv", "reputa: parse bad: %@:1: no reviews: the file has a header only"),
        ("unclosed-quote.csv", "csv", "reputa: parse bad: %@:3:16: quote opened here is never closed"),
        ("invalid-utf8.csv", "csv", "reputa: parse bad: %@:3:19: not valid UTF-8 and no byte-order mark says otherwise"),
        ("truncated.xml", "appstore-rss", "reputa: parse bad: %@:"),
        ("malformed.xml", "appstore-rss", "reputa: parse bad: %@:3:"),
    ])
    func unreadableFilesFailCleanly(file: String, kind: String, expected: String) throws {
        let temp = try TempFolder()
        let path = fixturePath(file)
        let outcome = try importOne(path, kind: kind, in: temp)
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines.count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix(expected.replacingOccurrences(of: "%@", with: path)), "\(outcome.stderr)")
        try assertNothingWritten(temp)
    }

    @Test func missingMappedColumnListsTheColumnsFound() throws {
        let temp = try TempFolder()
        let outcome = try reputa(["import", "--kind", "csv", "--source", "bad", "--store", temp.path("s.sqlite"),
                                  "--map", "rating=Stars,date=date", fixturePath("bad-rows.csv")], cwd: temp.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "reputa: parse bad: \(fixturePath("bad-rows.csv")):1: column \"Stars\" (mapped to rating) not found; columns found: \"id\", \"rating\", \"date\", \"text\"\n")
    }

    @Test func skippedRowsAreNamedAndTheRestIsImported() throws {
        let temp = try TempFolder()
        let outcome = try importOne(fixturePath("bad-rows.csv"), in: temp)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix(": 2 new, 0 updated, 0 unchanged, 0 removed, 4 skipped\n"))
        #expect(outcome.stderr.contains("bad-rows.csv:3: rating is \"six\", not a rating on 1-5; row skipped"))
    }

    @Test func unknownKindIsAUsageError() throws {
        let temp = try TempFolder()
        let outcome = try importOne(fixturePath("bad-rows.csv"), kind: "cvs", in: temp)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("unknown kind \"cvs\" (did you mean \"csv\"?)"))
    }

    @Test func unusableStoreFailsBeforeAnyWork() throws {
        let temp = try TempFolder()
        let outcome = try reputa(["import", "--kind", "csv", "--store", "/proc/reputa/s.sqlite", fixturePath("bad-rows.csv")], cwd: temp.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.hasPrefix("reputa: store: /proc/reputa/s.sqlite: "))
        #expect(!FileManager.default.fileExists(atPath: temp.path("snapshots")))
    }

    @Test func storeFromANewerSchemaIsRefused() throws {
        let temp = try TempFolder()
        let store = temp.path("s.sqlite")
        #expect(try importOne(fixturePath("bad-rows.csv"), in: temp).status == 0)
        // Bump the schema the way a newer Reputa would, with Python's own sqlite3.
        try execute("/usr/bin/env", ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=42'); c.commit()", store])
        let outcome = try reputa(["reviews", "--store", store], cwd: temp.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("written by a newer Reputa (schema 42)"))
    }

    @Test(arguments: Engine.allCases) func oneBrokenSourceNeverStopsTheOthers(_ engine: Engine) throws {
        let temp = try TempFolder()
        let store = try testStore(engine, in: temp)
        try FileManager.default.copyItem(atPath: fixturePath("truncated.xml"), toPath: temp.path("broken.xml"))
        try FileManager.default.copyItem(atPath: fixturePath("appstore-it-page1.xml"), toPath: temp.path("good.xml"))
        let config = try temp.write("sources.yml", """
        version: 1
        store: "\(store)"
        sources:
          - {name: broken, kind: appstore-rss, path: broken.xml}
          - {name: missing, kind: csv, path: nowhere/*.csv}
          - {name: good, kind: appstore-rss, path: good.xml}
        """)
        let outcome = try reputa(["fetch", "--config", config, "--format", "json"])
        #expect(outcome.status == 2, "\(outcome.stderr)")
        let rows = try jsonArray(outcome.stdout)
        #expect(rows.map { $0["source"] as! String } == ["broken", "missing", "good"])
        #expect((rows[0]["status"] as? String)?.hasPrefix("failed: parse broken: \(temp.path("broken.xml")):") == true)
        #expect((rows[1]["status"] as? String) == "failed: import missing: \(temp.path("nowhere/*.csv")): no file matches")
        #expect(rows[2]["new"] as? Int == 3)
        #expect(rows[2]["status"] as? String == "ok")
        #expect(outcome.stderrLines.count == 2)
        #expect(!FileManager.default.fileExists(atPath: temp.path("snapshots/broken")))
    }

    @Test func everySourceFailingIsExitOne() throws {
        let temp = try TempFolder()
        let config = try temp.write("sources.yml", "version: 1\nstore: s.sqlite\nsources:\n  - {name: a, kind: csv, path: none.csv}\n")
        #expect(try reputa(["fetch", "--config", config]).status == 1)
    }

    @Test func configErrorsAreUsageErrorsWithFileAndLine() throws {
        let temp = try TempFolder()
        let config = try temp.write("sources.yml", "version: 1\nsources:\n  - name: a\n    kind: csv\n    path: x.csv\n    full_exprt: true\n")
        let outcome = try reputa(["check", "--config", config])
        #expect(outcome.status == 64)
        #expect(outcome.stderr == "reputa: config: \(config):6:5: sources[0].full_exprt: unknown key (did you mean \"full_export\"?); allowed: name, kind, portal, url, path, location, competitor, every, credentials, scale, map, delimiter, full_export, timezone, allow_private_network, max_bytes, max_pages, storefronts, max_field_bytes, review_url, reply_url, stale_after\n")
        let viaEnv = try reputa(["check"], environment: ["REPUTA_CONFIG": config], cwd: temp.url)
        #expect(viaEnv.status == 64)
        #expect(viaEnv.stderr.hasPrefix("reputa: config: \(config):6:5:"))
    }
}

@Suite struct LockedStoreTests {
    @Test func aStoreLockedPastTheBusyTimeoutFailsCleanly() throws {
        let temp = try TempFolder()
        let store = temp.path("s.sqlite")
        let first = try temp.write("a.csv", "id,rating,date\n1,5,2026-09-01\n")
        let second = try temp.write("b.csv", "id,rating,date\n2,4,2026-09-02\n")
        #expect(try reputa(["import", "--kind", "csv", "--source", "bad", "--store", store, first], cwd: temp.url).status == 0)
        // Another writer holds the database for longer than Reputa's 5 s busy timeout.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(6.5); c.execute('ROLLBACK')
            """, store]
        let ready = Pipe()
        holder.standardOutput = ready
        try holder.run()
        _ = ready.fileHandleForReading.readData(ofLength: 7)
        let outcome = try reputa(["import", "--kind", "csv", "--source", "bad", "--store", store, second], cwd: temp.url)
        holder.waitUntilExit()
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "reputa: store: \(store): database is locked by another process\n")
        let kept = try FileManager.default.contentsOfDirectory(atPath: temp.path("snapshots/bad"))
        #expect(kept.count == 1 && kept[0].hasSuffix("-a.csv"))   // b.csv's snapshot was removed again
        let rows = try jsonArray(try reputa(["reviews", "--store", store, "--format", "json"], cwd: temp.url).stdout)
        #expect(rows.map { $0["id"] as! String } == ["1"])
    }
}

@Suite struct HostileXMLTests {
    /// Peak RSS in KiB of one `reputa` run, read by Python's os.wait4 for that child alone.
    /// - Parameter cwd: where it runs (a command that keeps snapshots writes them under `cwd/snapshots`).
    func peakKiB(_ arguments: [String], cwd: URL? = nil) throws -> (status: Int32, kib: Int) {
        let out = try execute("/usr/bin/env", ["python3", "-c", """
            import os, subprocess, sys
            p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(p.pid, 0)
            print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
            """, reputaBinary] + arguments, cwd: cwd)
        let parts = out.stdout.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        return (Int32(parts.first ?? -1), parts.count > 1 ? parts[1] : -1)
    }

    @Test func billionLaughsStaysSmallInMemoryAndTime() throws {
        let temp = try TempFolder()
        var doctype = "<!DOCTYPE feed [<!ENTITY lol0 \"lololololololololololololololololololol\">"
        for i in 1...12 { doctype += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        doctype += "]>"
        let file = try temp.write("lol.xml", """
        <?xml version="1.0"?>
        \(doctype)
        <feed xmlns:im="http://itunes.apple.com/rss" xmlns="http://www.w3.org/2005/Atom">
        <entry><updated>2026-09-13T10:15:00-07:00</updated><id>1</id><title>&lol12;</title>
        <content type="text">&lol12;</content><im:rating>2</im:rating></entry></feed>
        """)
        let start = Date()
        let run = try peakKiB(["inspect", "--kind", "appstore-rss", "--format", "json", file])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(run.status == 0 || run.status == 1)
        // Expanded, &lol12; would be 40 × 10^12 bytes; unexpanded the run stays near its baseline.
        #expect(run.kib > 0 && run.kib < 150 * 1024, "peak RSS \(run.kib) KiB")
    }
}
