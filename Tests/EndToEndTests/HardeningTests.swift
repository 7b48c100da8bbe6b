import Foundation
import ReputaStoreTesting
import Testing

/// Issue 22, the second hardening round: each case as an attacker or a careless operator would
/// meet it, run through the real binary, asserting the exact line printed and what the store and
/// the snapshot folder hold afterwards.
@Suite struct HardeningTests {
    static let csvMap = "id=id,rating=rating,date=date,text=text,author=author"

    /// A small, well-formed export of three reviews.
    func basicCSV(_ temp: TempFolder) throws -> String {
        try temp.write("basic.csv", "id,rating,date,text,author\n1,5,2026-10-01,buono,a\n2,2,2026-10-02,lento,b\n3,4,2026-10-03,ok,c\n")
    }

    /// SHA-256 of a file, by Python's hashlib (independent of the code under test).
    func sha256(_ path: String) throws -> String {
        try execute("/usr/bin/env", ["python3", "-c", "import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())", path])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// One SQL query on a SQLite file through Python's sqlite3; rows as `|`-joined lines.
    func sql(_ path: String, _ query: String) throws -> [String] {
        let out = try execute("/usr/bin/env", ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            for row in c.execute(sys.argv[2]): print("|".join("" if v is None else str(v) for v in row))
            """, path, query])
        return out.stdout.split(separator: "\n").map(String.init)
    }

    // MARK: Failures

    /// F1: one 10 KB internal entity used 10,000 times (100 MB expanded) from a 40 KB file.
    static func amplifiedFeed() -> String {
        let uses = String(repeating: "&e;", count: 10_000)
        return "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY e \"" + String(repeating: "x", count: 10_240) + "\">]>"
            + "<rss version=\"2.0\"><channel><title>t</title><item><guid>1</guid><title>t</title>"
            + "<description>" + uses + "</description></item></channel></rss>\n"
    }

    @Test func internalEntityAmplificationIsRefusedFromAFile() throws {
        let temp = try TempFolder()
        let file = try temp.write("amp.xml", Self.amplifiedFeed())
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        let run = try HostileXMLTests().peakKiB(["import", "--kind", "rss", "--source", "amp", "--store", temp.path("s.sqlite"), file], cwd: temp.url)
        #expect(run.status == 1)
        // 4 × the input + 1 MiB is the most text it may yield; a 100 MB review is never built.
        #expect(run.kib > 0 && run.kib < 150 * 1024, "peak RSS \(run.kib) KiB")
        let out = try reputa(["import", "--kind", "rss", "--source", "amp", "--store", temp.path("s.sqlite"), file], cwd: temp.url)
        #expect(out.status == 1)
        #expect(out.stderrLines.count == 1, "\(out.stderr)")
        let line = try #require(out.stderrLines.first)
        #expect(line.hasPrefix("reputa: parse amp: \(file):1:"), "\(line)")
        #expect(line.contains(": entity expansion refused: "), "\(line)")
        #expect(line.hasSuffix(" bytes of XML exceed 4 × the input + 1 MiB"), "\(line)")
        // The text count at refusal is past the limit for the bytes read, which are at most the file.
        let words = line.split(separator: " ").map(String.init)
        let text = try #require(words.firstIndex(of: "refused:").flatMap { Int(words[$0 + 1]) })
        let read = try #require(words.firstIndex(of: "from").flatMap { Int(words[$0 + 1]) })
        #expect(text > 4 * read + (1 << 20) && text < 4 * read + (1 << 20) + 20_000 && read <= size + 64, "\(line)")
        #expect(try sql(temp.path("s.sqlite"), "SELECT COUNT(*) FROM reviews") == ["0"])
        #expect(!FileManager.default.fileExists(atPath: temp.path("snapshots/amp")))
    }

    @Test func internalEntityAmplificationIsRefusedOverHTTP() throws {
        let temp = try TempFolder()
        let served = try TempFolder()
        _ = try served.write("amp.xml", Self.amplifiedFeed())
        let server = try TestServer(root: served.url.path)
        let config = try temp.write("sources.yml", """
            version: 1
            store: s.sqlite
            http: {retries: 0, host_delay: 0}
            sources:
              - {name: web, kind: rss, url: "\(server.base)/amp.xml", allow_private_network: true}
            """)
        let out = try reputa(["fetch", "--config", config], cwd: temp.url)
        #expect(out.status == 1)
        #expect(out.stderrLines.count == 1, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("reputa: parse web: \(server.base)/amp.xml:1:"), "\(out.stderr)")
        #expect(out.stderr.contains("entity expansion refused"), "\(out.stderr)")
        #expect(try sql(temp.path("s.sqlite"), "SELECT COUNT(*) FROM reviews") == ["0"])
    }

    @Test func aFewInternalEntitiesStillExpand() throws {
        let temp = try TempFolder()
        let file = try temp.write("ok.xml", """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY shop "Aurora Bistrot Milano">]>
            <rss version="2.0"><channel><title>t</title>
            <item><guid>1</guid><title>&shop;</title><description>Cena da &shop;: ottima. &shop; consigliato.</description></item>
            </channel></rss>
            """)
        let out = try reputa(["import", "--kind", "rss", "--source", "ok", "--store", temp.path("s.sqlite"), file], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try sql(temp.path("s.sqlite"), "SELECT title, text FROM reviews")
                == ["Aurora Bistrot Milano|Cena da Aurora Bistrot Milano: ottima. Aurora Bistrot Milano consigliato."])
    }

    /// F2: a NUL in a CSV field skips the row, named by line:column; nothing is cut short.
    @Test func nulBytesInCSVSkipTheRowWithItsPlace() throws {
        let temp = try TempFolder()
        let file = temp.path("nul.csv")
        let bytes = "id,rating,date,text,author\n1,5,2026-10-01,ok,a\n2\0,4,2026-10-02,nul\0inside,au\0thor\n"
            + "3,2,2026-10-03,\"multi\nline with \0 late\",b\n4,3,2026-10-04,fine,c\n"
        try Data(bytes.utf8).write(to: URL(fileURLWithPath: file))
        let out = try reputa(["import", "--kind", "csv", "--map", Self.csvMap, "--source", "nul", "--store", temp.path("s.sqlite"), file],
                             cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("2 new, 0 updated, 0 unchanged, 0 removed, 2 skipped"), "\(out.stdout)")
        #expect(out.stderrLines == [
            "reputa: warning: parse nul: \(file):3:2: field 1 (\"id\") holds a NUL byte (the row is never cut short there); row skipped",
            "reputa: warning: parse nul: \(file):5:11: field 4 (\"text\") holds a NUL byte (the row is never cut short there); row skipped",
        ])
        #expect(try sql(temp.path("s.sqlite"), "SELECT external_id, text, author FROM reviews ORDER BY external_id") == ["1|ok|a", "4|fine|c"])
    }

    /// F3: another program's database is refused and left byte for byte as it was.
    @Test func anotherProgramsDatabaseIsLeftUntouched() throws {
        let temp = try TempFolder()
        let other = temp.path("other.sqlite")
        _ = try sql(other, "CREATE TABLE customers (id INTEGER, name TEXT)")
        _ = try sql(other, "INSERT INTO customers VALUES (1, 'Rossi')")
        let before = try sha256(other)
        for command in [["reviews"], ["flags"], ["import", "--kind", "csv", "--map", Self.csvMap, try basicCSV(temp)]] {
            let out = try reputa(command + ["--store", other], cwd: temp.url)
            #expect(out.status == 1, "\(command)")
            #expect(out.stderr == "reputa: store: \(other): not a Reputa store: the database holds other tables (customers); it was left untouched\n")
        }
        #expect(try sha256(other) == before)
        #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
        #expect(try sql(other, "PRAGMA journal_mode") == ["delete"])
        #expect(try sql(other, "PRAGMA user_version") == ["0"])
        // Another program's mark (application_id) on an empty file is refused the same way.
        let marked = temp.path("marked.sqlite")
        _ = try sql(marked, "PRAGMA application_id = 1234")
        let out = try reputa(["reviews", "--store", marked], cwd: temp.url)
        #expect(out.status == 1)
        #expect(out.stderr == "reputa: store: \(marked): not a Reputa store: application id 1234 belongs to another program; it was left untouched\n")
    }

    /// A store written before the application id existed is recognised and marked; a new one is marked.
    @Test func reputaStoresCarryTheirApplicationID() throws {
        let temp = try TempFolder()
        let store = temp.path("s.sqlite")
        let imported = try reputa(["import", "--kind", "csv", "--map", Self.csvMap, "--source", "a", "--store", store, try basicCSV(temp)],
                                  cwd: temp.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sql(store, "PRAGMA application_id") == ["\(0x5250_5441)"])
        _ = try sql(store, "PRAGMA application_id = 0")
        let listed = try reputa(["reviews", "--store", store, "--format", "json"], cwd: temp.url)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(try jsonArray(listed.stdout).count > 0)
        #expect(try sql(store, "PRAGMA application_id") == ["\(0x5250_5441)"])
        // An empty file (touch) is a new store.
        let empty = temp.path("empty.sqlite")
        FileManager.default.createFile(atPath: empty, contents: nil)
        #expect(try reputa(["reviews", "--store", empty], cwd: temp.url).status == 0)
    }

    /// F4: two processes opening the same new store at once: one migrates, both proceed.
    @Test func twoProcessesOnANewStoreBothSucceed() throws {
        let temp = try TempFolder()
        let file = try basicCSV(temp)
        let expected = ["1", "2", "3"]
        for attempt in 0..<6 {
            let store = temp.path("race-\(attempt).sqlite")
            let runs = try ["a", "b"].map { source in
                try BackgroundReputa(["import", "--kind", "csv", "--map", Self.csvMap, "--source", source, "--store", store, file], cwd: temp.url)
            }
            for run in runs {
                #expect(run.waitForExit(seconds: 60))
                #expect(run.process.terminationStatus == 0, "attempt \(attempt): \(run.stderr)")
            }
            #expect(try sql(store, "SELECT source, COUNT(*) FROM reviews GROUP BY source ORDER BY source")
                    == ["a|\(expected.count)", "b|\(expected.count)"])
            #expect(try sql(store, "PRAGMA user_version") == (try sql(temp.path("race-0.sqlite"), "PRAGMA user_version")))
        }
    }

    /// F5: query values never reach stderr, the fetch table, the stored error or `sources`.
    @Test func secretsInURLQueriesAreNeverShown() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: FetchTests.fixtures)
        let secrets = ["Tok3nValue", "Pa55word", "Cl1entSecret", "S1gnatureX"]
        let config = try temp.write("sources.yml", """
            version: 1
            store: s.sqlite
            http: {retries: 0, host_delay: 0}
            sources:
              - name: web
                kind: rss
                url: "\(server.base)/status/500?access_token=\(secrets[0])&password=\(secrets[1])&client_secret=\(secrets[2])&sig=\(secrets[3])&page=2"
                allow_private_network: true
            """)
        let fetched = try reputa(["fetch", "--config", config], cwd: temp.url)
        #expect(fetched.status == 1)
        let shown = "\(server.base)/status/500?access_token=…&password=…&client_secret=…&sig=…&page=…"
        #expect(fetched.stderr == "reputa: fetch web: \(shown): HTTP 500 Internal Server Error\n", "\(fetched.stderr)")
        let stored = try sql(temp.path("s.sqlite"), "SELECT last_error FROM source_state WHERE source = 'web'")
        #expect(stored == ["fetch web: \(shown): HTTP 500 Internal Server Error"])
        let table = try reputa(["sources", "--config", config], cwd: temp.url)
        let json = try reputa(["sources", "--config", config, "--format", "json"], cwd: temp.url)
        #expect(try jsonArray(json.stdout).first?["last_error"] as? String == stored.first)
        let check = try reputa(["check", "--config", config], cwd: temp.url)
        #expect(check.stdout.contains("url: \(shown)\n"))
        for text in [fetched.stdout, fetched.stderr, table.stdout, table.stderr, json.stdout, check.stdout] + stored {
            for secret in secrets { #expect(!text.contains(secret), "\(secret) in \(text)") }
        }
    }

    // MARK: Weak spots

    @Test func utf8LabelledLatin1IsReadAsUTF8WithAWarning() throws {
        let temp = try TempFolder()
        let file = try temp.write("feed.xml", """
            <?xml version="1.0" encoding="iso-8859-1"?>
            <rss version="2.0"><channel><title>t</title>
            <item><guid>1</guid><title>Café</title><description>Un caffè e un crème brûlée</description></item>
            </channel></rss>
            """)
        let out = try reputa(["import", "--kind", "rss", "--source", "f", "--store", temp.path("s.sqlite"), file], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderrLines == ["reputa: warning: parse f: \(file): declared iso-8859-1 but the bytes are UTF-8; read as UTF-8; entry kept"])
        #expect(try sql(temp.path("s.sqlite"), "SELECT title, text FROM reviews") == ["Café|Un caffè e un crème brûlée"])
        // Real Latin-1 bytes under the same label still read as Latin-1, without a warning.
        let latin = temp.path("latin.xml")
        var bytes = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>t</title><item><guid>2</guid><title>Caf".utf8)
        bytes += [0xE9] + Array("</title></item></channel></rss>".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: latin))
        let second = try reputa(["import", "--kind", "rss", "--source", "l", "--store", temp.path("s.sqlite"), latin], cwd: temp.url)
        #expect(second.status == 0 && second.stderr.isEmpty, "\(second.stderr)")
        #expect(try sql(temp.path("s.sqlite"), "SELECT title FROM reviews WHERE source = 'l'") == ["Café"])
    }

    /// A temp snapshot a killed import left behind is swept by the next import of that source;
    /// one that a live process still writes (holds its lock) is not.
    @Test func staleTemporarySnapshotsAreSweptAtTheNextStart() throws {
        let temp = try TempFolder()
        let folder = temp.path("snapshots/a")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stale = try temp.write("snapshots/a/.20261201T000000Z-0123456789abcdef-big.csv.tmp", String(repeating: "x", count: 4096))
        let live = try temp.write("snapshots/a/.20261201T000001Z-fedcba9876543210-live.csv.tmp", "partial")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import fcntl, sys, time
            f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()
            """, live]
        let ready = Pipe(), input = Pipe()
        holder.standardOutput = ready
        holder.standardInput = input
        try holder.run()
        _ = ready.fileHandleForReading.readData(ofLength: 5)
        defer { try? input.fileHandleForWriting.close(); holder.waitUntilExit() }
        let out = try reputa(["import", "--kind", "csv", "--map", Self.csvMap, "--source", "a", "--store", temp.path("s.sqlite"),
                              try basicCSV(temp)], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }
        #expect(kept.count == 1 && kept[0].hasSuffix("-basic.csv"), "\(kept)")
    }

    /// `Retry-After` eleven years ahead defers the source by `http.max_defer` at most.
    @Test func farFutureRetryAfterIsCapped() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: FetchTests.fixtures)
        let eleven = 11 * 365 * 86_400
        let config = try temp.write("sources.yml", """
            version: 1
            store: s.sqlite
            http: {retries: 0, host_delay: 0, max_retry_after: 5, max_defer: 2h}
            sources:
              - {name: web, kind: appstore-rss, url: "\(server.base)/retry-after/\(eleven)/appstore-it-page1.xml", allow_private_network: true}
            """)
        let started = Date()
        let first = try reputa(["fetch", "--config", config], cwd: temp.url)
        #expect(first.status == 1)
        #expect(first.stderr.hasSuffix(": rate limited (HTTP 429); not polling again for 7200 s (the server asked for \(eleven) s; capped by http.max_defer)\n"),
                "\(first.stderr)")
        let next = try #require(try sql(temp.path("s.sqlite"), "SELECT next_check_at FROM source_state").first)
        let until = try #require(ISO8601DateFormatter().date(from: String(next.prefix(19)) + "Z"))
        #expect(until.timeIntervalSince(started) > 7_100 && until.timeIntervalSince(started) < 7_300, "\(next)")
        let second = try reputa(["fetch", "--config", config], cwd: temp.url)
        #expect(second.status == 2)
        #expect(second.stderr == "reputa: fetch web: deferred: the server asked not to be polled before \(next)\n")
        #expect(second.stdout.contains("deferred: rate limited until \(next)"))
    }

    /// ESC and BEL in a file name reach stderr as visible escapes, never as control bytes.
    @Test func controlCharactersInFileNamesAreEscapedInLogs() throws {
        let temp = try TempFolder()
        let name = "bad\u{1B}[2J\u{07}name.csv"
        let file = try temp.write(name, "id,rating,date\n1,5,2026-09-01\n2,x,2026-09-02\n")
        let out = try reputa(["import", "--kind", "csv", "--source", "c", "--store", temp.path("s.sqlite"), file], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(!out.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(out.stderr.contains("bad\\x1b[2J\\x07name.csv:3"), "\(out.stderr)")
    }

    /// A field over `max_field_bytes` skips its row; a row longer than 16 × the cap is skipped
    /// without being held whole.
    @Test func oversizedFieldsSkipTheirRow() throws {
        let temp = try TempFolder()
        let file = temp.path("big.csv")
        let big = String(repeating: "y", count: 2 << 20)
        try Data("id,rating,date,text\n1,5,2026-10-01,small\n2,1,2026-10-02,\"\(big)\"\n3,2,2026-10-03,after\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let out = try reputa(["import", "--kind", "csv", "--source", "big", "--store", temp.path("s.sqlite"), file], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderrLines == ["reputa: warning: parse big: \(file):3:16: field 4 (\"text\") is \(2 << 20) bytes, over max_field_bytes (1048576); row skipped"])
        #expect(try sql(temp.path("s.sqlite"), "SELECT external_id FROM reviews ORDER BY external_id") == ["1", "3"])
        let raised = try reputa(["import", "--kind", "csv", "--source", "big2", "--max-field-bytes", "4194304", "--store", temp.path("s.sqlite"), file],
                                cwd: temp.url)
        #expect(raised.status == 0 && raised.stderr.isEmpty, "\(raised.stderr)")
        #expect(try sql(temp.path("s.sqlite"), "SELECT length(text) FROM reviews WHERE source = 'big2' AND external_id = '2'") == ["\(2 << 20)"])

        let huge = temp.path("huge.csv")
        let handle = try FileHandle(forWritingTo: { FileManager.default.createFile(atPath: huge, contents: nil); return URL(fileURLWithPath: huge) }())
        handle.write(Data("id,rating,date,text\n1,5,2026-10-01,\"small, \"\"quoted\"\"\"\n2,1,2026-10-02,\"".utf8))
        let chunk = Data(String(repeating: "z\n\"\"", count: 1 << 18).utf8) // quotes and newlines inside the field
        for _ in 0..<24 { handle.write(chunk) }
        handle.write(Data("\"\n3,2,2026-10-03,after\n".utf8))
        try handle.close()
        let run = try HostileXMLTests().peakKiB(["import", "--kind", "csv", "--source", "huge", "--store", temp.path("h.sqlite"), huge], cwd: temp.url)
        #expect(run.status == 0)
        #expect(run.kib > 0 && run.kib < 150 * 1024, "peak RSS \(run.kib) KiB")
        #expect(try sql(temp.path("h.sqlite"), "SELECT external_id FROM reviews ORDER BY external_id") == ["1", "3"])
        let again = try reputa(["import", "--kind", "csv", "--source", "huge2", "--store", temp.path("h.sqlite"), huge], cwd: temp.url)
        #expect(again.stderrLines == ["reputa: warning: parse huge2: \(huge):3:1: the row runs past 16777216 bytes (16 × max_field_bytes) before it ends; row skipped"])
    }

    /// 10,000 sources are a configuration, not an alias bomb.
    @Test func tenThousandSourcesAreRead() throws {
        let temp = try TempFolder()
        var yaml = "version: 1\nlocations:\n  - {id: milano, name: Milano}\nsources:\n"
        for i in 0..<10_000 { yaml += "  - {name: s\(i), kind: csv, path: \"f\(i).csv\", location: milano, map: {id: id, rating: r, date: d}}\n" }
        let config = try temp.write("sources.yml", yaml)
        let out = try reputa(["check", "--config", config], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.components(separatedBy: "\n  - name: s").count == 10_001)
    }

    /// The report's own failure: `report:` and the file, no temporary file left.
    @Test func aReportThatCannotBeWrittenSaysReportAndLeavesNoTempFile() throws {
        let temp = try TempFolder()
        // 60 long reviews in 20 locations: the JSON report is about 230 KB.
        let rows = (0..<60).map { "\($0),\(1 + $0 % 5),2026-11-\(16 + $0 % 7)T10:00:00Z,\(String(repeating: "testo lungo ", count: 800)),loc\($0 % 20)" }
        let file = try temp.write("r.csv", "id,rating,date,text,place\n" + rows.joined(separator: "\n") + "\n")
        #expect(try reputa(["import", "--kind", "csv", "--source", "r", "--map", "id=id,rating=rating,date=date,text=text,location=place",
                            "--store", temp.path("s.sqlite"), file], cwd: temp.url).status == 0)
        try FileManager.default.createDirectory(atPath: temp.path("out"), withIntermediateDirectories: true)
        // A 64 KiB file-size limit (128 blocks of 512 bytes: room for SQLite's 32 KiB shared-memory
        // file), SIGXFSZ ignored: the report's write fails with EFBIG as a full disk fails with ENOSPC.
        let out = try execute("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 128; exec \"$0\" \"$@\"", reputaBinary, "report", "weekly",
                                          "--week", "2026-W47", "--format", "json", "--store", temp.path("s.sqlite"), "-o", temp.path("out/r.json")],
                              cwd: temp.url)
        #expect(out.status == 1)
        #expect(out.stderr == "reputa: report: \(temp.path("out/r.json")): cannot write the report: File too large\n", "\(out.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path("out")) == [])
    }

    /// A mistyped `--store` on a command that only reads creates nothing and says so.
    @Test(arguments: [["reviews"], ["compare", "--week", "2026-W47"], ["flags"], ["metrics"], ["report", "weekly", "--week", "2026-W47"]])
    func readingCommandsRefuseAStoreThatDoesNotExist(_ command: [String]) throws {
        let temp = try TempFolder()
        let path = temp.path("tpyo/reputa.sqlite")
        let out = try reputa(command + ["--store", path], cwd: temp.url)
        #expect(out.status == 1, "\(out.stderr)")
        #expect(out.stderr == "reputa: store: \(path): no store at \(path): run `reputa fetch` or `reputa import` first\n")
        #expect(!FileManager.default.fileExists(atPath: temp.path("tpyo")))
    }

    /// SIGTERM during a 1-byte-per-5-s transfer: `watch` exits at once, the source is left due.
    @Test func watchStopsWithinSecondsDuringASlowTransfer() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: FetchTests.fixtures)
        let config = try temp.write("sources.yml", """
            version: 1
            store: s.sqlite
            http: {retries: 2, host_delay: 0, low_speed_time: 120, timeout: 300}
            sources:
              - {name: slow, kind: rss, url: "\(server.base)/drip", allow_private_network: true, every: 1h}
            """)
        let watch = try BackgroundReputa(["watch", "--config", config], cwd: temp.url)
        #expect(waitUntil(seconds: 30) { server.requests.contains("/drip") })
        Thread.sleep(forTimeInterval: 1)
        let signalled = Date()
        kill(watch.process.processIdentifier, SIGTERM)
        #expect(watch.waitForExit(seconds: 5), "still running 5 s after SIGTERM: \(watch.stderr)")
        #expect(Date().timeIntervalSince(signalled) < 5)
        #expect(watch.process.terminationStatus == 0)
        #expect(watch.stderr.contains("watch cycle 1: fetched 0 of 1 due source (stopped before reading: slow)"), "\(watch.stderr)")
        #expect(server.requests.filter { $0 == "/drip" }.count == 1)
        // Not an error of the source, and due again at once for the next worker.
        #expect(try sql(temp.path("s.sqlite"), "SELECT COUNT(*) FROM source_state WHERE last_error IS NOT NULL") == ["0"])
        let due = try #require(try sql(temp.path("s.sqlite"), "SELECT due_at FROM leases WHERE name = 'source:slow'").first)
        #expect(due <= ISO8601DateFormatter().string(from: Date()), "\(due)")
    }

    @Test func anUnknownImportLocationIsAUsageErrorWithASuggestion() throws {
        let temp = try TempFolder()
        let config = try temp.write("sources.yml", "version: 1\nstore: s.sqlite\nlocations:\n  - {id: milano, name: Milano}\n  - {id: roma, name: Roma}\n")
        let out = try reputa(["import", "--config", config, "--kind", "csv", "--location", "rome", try basicCSV(temp)], cwd: temp.url)
        #expect(out.status == 64)
        #expect(out.stderr.contains("--location \"rome\" is not a configured location (did you mean \"roma\"?); locations: milano, roma"), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: temp.path("s.sqlite")))
    }

    /// `check` shows a value from the environment with its newline escaped: it cannot fake a line.
    @Test func checkEscapesControlCharactersFromTheEnvironment() throws {
        let temp = try TempFolder()
        let config = try temp.write("sources.yml", """
            version: 1
            locations:
              - {id: milano, name: "${SHOP}"}
            sources:
              - {name: a, kind: csv, path: a.csv, location: milano}
            """)
        let out = try reputa(["check", "--config", config], environment: ["SHOP": "Milano\nsources:\n  - name: fake\u{1B}[2J"], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("  - milano: Milano\\x0asources:\\x0a  - name: fake\\x1b[2J\n"), "\(out.stdout)")
        #expect(!out.stdout.contains("\n  - name: fake"))
        #expect(!out.stdout.unicodeScalars.contains { $0.value == 0x1B })
    }
}
