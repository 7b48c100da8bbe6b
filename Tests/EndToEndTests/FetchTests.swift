import Foundation
import ReputaStoreTesting
import Testing

/// `url` sources against a real HTTP server on 127.0.0.1 (Support/serve.py): conditional GET,
/// redirects, caps, retries, rate limits, private-network refusal, credentials, pagination.
@Suite struct FetchTests {
    static let fixtures = packageRoot.appendingPathComponent("Tests/ReputaIngestTests/Fixtures").path

    /// A one-source config. Loopback is private, so tests allow it explicitly (except where
    /// the refusal itself is tested); retries and politeness are fast.
    func config(_ temp: TempFolder, url: String, kind: String = "appstore-rss", allowPrivate: Bool = true,
                extra: String = "", http: String = "", store: String = "s.sqlite") throws -> String {
        try temp.write("sources.yml", """
        version: 1
        store: "\(store)"
        http: {retries: 2, retry_delay: 0.05, host_delay: 0, low_speed_time: 2, max_retry_after: 5\(http)}
        sources:
          - name: web
            kind: \(kind)
            url: "\(url)"
            allow_private_network: \(allowPrivate)
        \(extra.isEmpty ? "" : "    " + extra)
        """)
    }

    func fetch(_ config: String) throws -> (Outcome, [String: Any]) {
        let outcome = try reputa(["fetch", "--config", config, "--format", "json"])
        let row = try #require(try jsonArray(outcome.stdout).first, "\(outcome.stdout)\n\(outcome.stderr)")
        return (outcome, row)
    }

    func snapshotCount(_ temp: TempFolder) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: temp.path("snapshots/web"))) ?? []).count
    }

    @Test(arguments: Engine.allCases) func downloadsParsesAndKeepsTheSnapshot(_ engine: Engine) throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        let cfg = try config(temp, url: "\(server.base)/appstore-it-page1.xml", store: try testStore(engine, in: temp))
        let (outcome, row) = try fetch(cfg)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(row["new"] as? Int == 3)
        let kept = try FileManager.default.contentsOfDirectory(atPath: temp.path("snapshots/web"))
        #expect(kept.count == 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: temp.path("snapshots/web/\(kept[0])")))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: fixturePath("appstore-it-page1.xml")))))
        #expect(try fetch(cfg).1["new"] as? Int == 0)
    }

    /// F1: the second fetch sends If-None-Match, gets 304, parses and writes nothing.
    @Test(arguments: Engine.allCases) func unchangedSourceIsAskedConditionallyAndWritesNothing(_ engine: Engine) throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        let cfg = try config(temp, url: "\(server.base)/etag/appstore-it-page1.xml", store: try testStore(engine, in: temp))
        #expect(try fetch(cfg).1["new"] as? Int == 3)
        let (second, row) = try fetch(cfg)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(row["not_modified"] as? Int == 1)
        #expect(row["payloads"] as? Int == 0)
        #expect(row["new"] as? Int == 0 && row["unchanged"] as? Int == 0)
        #expect(snapshotCount(temp) == 1)
        let sent = server.headerLog.map { $0["if-none-match"] as? String }
        #expect(sent.count == 2)
        #expect(sent[0] == nil)
        let etag = try #require(sent[1])
        #expect(etag.hasPrefix("\"") && etag.count == 42) // "sha1-hex", as the server sent it
        let count = try reputa(["reviews", "--config", cfg, "--format", "json"])
        #expect(try jsonArray(count.stdout).count == 3)
    }

    /// F2: a server that ignores If-None-Match but sends the same ETag: treated as unchanged.
    @Test func sameETagOnA200CountsAsNotModified() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        let cfg = try config(temp, url: "\(server.base)/etag-ignored/appstore-it-page1.xml")
        _ = try fetch(cfg)
        let (_, row) = try fetch(cfg)
        #expect(row["not_modified"] as? Int == 1)
        #expect(row["payloads"] as? Int == 0)
    }

    /// F3: `Expires: 0` means no validators are kept; the ledger still sees the same bytes.
    @Test func expiresZeroKeepsNoValidators() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        let cfg = try config(temp, url: "\(server.base)/expires0/appstore-it-page1.xml")
        _ = try fetch(cfg)
        let (outcome, row) = try fetch(cfg)
        #expect(outcome.status == 0)
        #expect(row["payloads"] as? Int == 1 && row["new"] as? Int == 0)
        #expect(server.headerLog.allSatisfy { $0["if-none-match"] as? String == nil })
    }

    @Test(arguments: [
        ("/redirect-to?url=file%3A%2F%2F%2Fetc%2Fpasswd", "redirect to a file:// URL refused; only http and https are allowed"),
        ("/redirect-to?url=ftp%3A%2F%2F127.0.0.1%2Fx", "redirect to a ftp:// URL refused"),
        ("/redirect-to?url=gopher%3A%2F%2F127.0.0.1%2Fx", "redirect to a gopher:// URL refused"),
        ("/redirect-loop", "too many redirects (limit 5)"),
        ("/redirect/5/appstore-it-page1.xml", "too many redirects (limit 5)"), // 6 hops: /redirect/5 … /redirect/0
        ("/huge", "response too large (limit 15728640 bytes)"),
        ("/gzip-bomb", "response too large (limit 15728640 bytes)"),
        ("/empty", "empty response (Content-Type application/xml)"),
        ("/status/404", "HTTP 404 Not Found"),
        ("/status/401", "HTTP 401 Unauthorized: the server wants credentials"),
        ("/status/403", "HTTP 403 Forbidden: access denied"),
        ("/cloudflare", "blocked by a Cloudflare bot challenge"),
        ("/close-mid-body/appstore-it-page1.xml", "network error: transfer closed with"),
        ("/drip", "network error: Operation too slow"),
        ("/html-page", "not a feed: an HTML page (Content-Type text/html; charset=utf-8)"),
        ("/truncated.xml", "malformed XML"),
    ])
    func faultsAreOneLineNamingSourceAndURL(path: String, reason: String) throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        let (outcome, row) = try fetch(try config(temp, url: "\(server.base)\(path)"))
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines.count == 1, "\(outcome.stderr)")
        // The URL as shown: a query's values are never printed (`?url=…`).
        let shown = path.contains("?") ? path.prefix { $0 != "=" } + "=…" : path
        #expect(outcome.stderr.hasPrefix("reputa: fetch web: \(server.base)\(shown): ")
                || outcome.stderr.hasPrefix("reputa: parse web: \(server.base)\(shown)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(reason), "\(outcome.stderr)")
        #expect(snapshotCount(temp) == 0)
        #expect((row["status"] as? String)?.hasPrefix("failed: ") == true)
        // Client errors and refusals are not retried.
        if path.hasPrefix("/status/4") || path.hasPrefix("/redirect-to") { #expect(server.requests.count == 1) }
    }

    @Test func fiveRedirectsAreFollowedAndGzipIsDecoded() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        let (outcome, row) = try fetch(try config(temp, url: "\(server.base)/redirect/4/gzip/appstore-it-page1.xml"))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(row["new"] as? Int == 3)
        #expect(server.requests.count == 6)
        #expect(server.headerLog.last?["accept-encoding"] as? String == "gzip, deflate")
    }

    /// F14: 5xx is retried with back-off, then reported; the error count goes up.
    @Test func serverErrorsAreRetriedThenReported() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        let cfg = try config(temp, url: "\(server.base)/status/500")
        let (outcome, _) = try fetch(cfg)
        #expect(outcome.stderr.contains("HTTP 500 Internal Server Error (after 3 attempts)"), "\(outcome.stderr)")
        #expect(server.requests.count == 3)

        let flaky = try config(temp, url: "\(server.base)/flaky/2/appstore-it-page1.xml")
        let (ok, row) = try fetch(flaky)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(row["new"] as? Int == 3)
        #expect(server.requests.filter { $0.hasPrefix("/flaky/") }.count == 3)
    }

    /// F13: a short Retry-After is waited out; a long one defers the source without an error storm.
    @Test func retryAfterIsHonoured() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        for path in ["/retry-after/1/appstore-it-page1.xml", "/retry-after-date/2/appstore-it-page1.xml"] {
            let started = Date()
            let own = try TempFolder()
            let (outcome, row) = try fetch(try config(own, url: "\(server.base)\(path)"))
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(row["new"] as? Int == 3)
            #expect(Date().timeIntervalSince(started) >= 1)
        }
        let cfg = try config(temp, url: "\(server.base)/retry-after/120/appstore-it-page1.xml")
        let (first, _) = try fetch(cfg)
        #expect(first.stderr.contains("rate limited (HTTP 429); not polling again for 120 s"), "\(first.stderr)")
        // Deferred is not read: the run is partial (exit 2) and says why.
        let (second, row) = try fetch(cfg)
        #expect(second.status == 2)
        #expect(second.stderr.hasPrefix("reputa: fetch web: deferred: the server asked not to be polled before "), "\(second.stderr)")
        #expect((row["status"] as? String)?.hasPrefix("deferred: rate limited until ") == true)
        #expect(server.requests.filter { $0.hasPrefix("/retry-after/120/") }.count == 1)
    }

    /// F6: loopback, IPv6 loopback and hex-spelled IPv4 are refused unless allowed.
    @Test(arguments: ["http://127.0.0.1:PORT/x.xml", "http://0x7f.1:PORT/x.xml", "http://[::1]:PORT/x.xml", "http://localhost:PORT/x.xml"])
    func privateAddressesAreRefusedByDefault(url: String) throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        let (outcome, _) = try fetch(try config(temp, url: url.replacingOccurrences(of: "PORT", with: "\(server.port)"), allowPrivate: false))
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("refused to connect to "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("a loopback address (set allow_private_network: true to allow it)"), "\(outcome.stderr)")
        #expect(server.requests.isEmpty)
    }

    /// F7: credentials go to the configured origin only, never across a redirect to another host.
    @Test func credentialsStayOnTheFirstHost() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: Self.fixtures)
        let cfg = try config(temp, url: "\(server.base)/redirect-host/appstore-it-page1.xml",
                             extra: "credentials: {Authorization: \"Bearer secret-token\", X-Api-Key: k-123, Cookie: \"sid=9\"}")
        let (outcome, row) = try fetch(cfg)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(row["new"] as? Int == 3)
        let log = server.headerLog
        #expect(log.count == 2)
        #expect(log[0]["authorization"] as? String == "Bearer secret-token")
        #expect(log[0]["x-api-key"] as? String == "k-123")
        #expect((log[1]["host"] as? String)?.hasPrefix("localhost") == true)
        for header in ["authorization", "x-api-key", "cookie"] { #expect(log[1][header] as? String == nil, "\(header) leaked") }
    }

    /// `link rel="next"` is followed page by page; a second run stops at the unchanged first page.
    @Test(arguments: Engine.allCases) func pagesAreFollowedAndAnUnchangedFirstPageStopsTheWalk(_ engine: Engine) throws {
        let temp = try TempFolder()
        let page = try String(contentsOfFile: fixturePath("appstore-it-page1.xml"), encoding: .utf8)
        for n in 1...3 {
            var text = page.replacingOccurrences(of: "<id>1122334455", with: "<id>\(n)122334455")
            text = text.replacingOccurrences(of: "<link rel=\"next\" href=\"https://itunes.apple.com/it/rss/customerreviews/page=2/", with: "<link rel=\"next\" href=\"page\(n + 1).xml?x=/")
            if n == 3 { text = text.replacingOccurrences(of: "rel=\"next\"", with: "rel=\"nope\"") }
            try temp.write("www/page\(n).xml", text)
        }
        let server = try TestServer(root: temp.path("www"))
        let cfg = try config(temp, url: "\(server.base)/etag/page1.xml", store: try testStore(engine, in: temp))
        let (outcome, row) = try fetch(cfg)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(row["payloads"] as? Int == 3)
        #expect(row["new"] as? Int == 9)
        #expect(server.requests.map { $0.split(separator: "?")[0] } == ["/etag/page1.xml", "/etag/page2.xml", "/etag/page3.xml"])
        let (_, again) = try fetch(cfg)
        #expect(again["not_modified"] as? Int == 1)
        #expect(server.requests.count == 4)
    }

    @Test func externalDTDAndEntitiesNeverReachTheNetwork() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: temp.url.path)
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE feed SYSTEM "\(server.base)/evil.dtd" [<!ENTITY % p SYSTEM "\(server.base)/p.dtd"> %p; <!ENTITY x SYSTEM "\(server.base)/x">]>
        <feed xmlns:im="http://itunes.apple.com/rss" xmlns="http://www.w3.org/2005/Atom">
        <entry><updated>2026-09-13T10:15:00-07:00</updated><id>1</id><title>&x;</title>
        <content type="text">t</content><im:rating>2</im:rating></entry></feed>
        """
        let file = try temp.write("xxe.xml", xml)
        _ = try reputa(["inspect", "--kind", "appstore-rss", file], cwd: temp.url)
        _ = try reputa(["import", "--kind", "appstore-rss", "--store", temp.path("s.sqlite"), file], cwd: temp.url)
        #expect(server.requests.isEmpty, "\(server.requests)")
    }
}
