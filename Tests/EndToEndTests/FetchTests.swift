import Foundation
import Testing

/// `url` sources against a real HTTP server on 127.0.0.1.
@Suite struct FetchTests {
    func fetch(_ server: TestServer, path: String, in temp: TempFolder, kind: String = "appstore-rss") throws -> Outcome {
        let config = try temp.write("sources.yml", "version: 1\nstore: s.sqlite\nsources:\n  - {name: web, kind: \(kind), url: \"\(server.base)\(path)\"}\n")
        return try reputa(["fetch", "--config", config, "--format", "json"])
    }

    @Test func downloadsParsesAndKeepsTheSnapshot() throws {
        let temp = try TempFolder()
        let server = try TestServer(root: packageRoot.appendingPathComponent("Tests/ReputaIngestTests/Fixtures").path)
        let outcome = try fetch(server, path: "/appstore-it-page1.xml", in: temp)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try jsonArray(outcome.stdout).first?["new"] as? Int == 3)
        let kept = try FileManager.default.contentsOfDirectory(atPath: temp.path("snapshots/web"))
        #expect(kept.count == 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: temp.path("snapshots/web/\(kept[0])")))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: fixturePath("appstore-it-page1.xml")))))
        #expect(try jsonArray(try fetch(server, path: "/appstore-it-page1.xml", in: temp).stdout).first?["new"] as? Int == 0)
    }

    @Test(arguments: [
        ("/redirect-file", "Protocol \"file\" not supported"),
        ("/redirect-loop", "Maximum (5) redirects followed"),
        ("/huge", "response too large (limit 15728640 bytes)"),
        ("/empty", "empty response (Content-Type application/xml)"),
        ("/status/503", "HTTP 503"),
        ("/nothing-here.xml", "HTTP 404"),
    ])
    func faultsAreOneLineNamingSourceAndURL(path: String, reason: String) throws {
        let temp = try TempFolder()
        let server = try TestServer(root: temp.url.path)
        let outcome = try fetch(server, path: path, in: temp)
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines.count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("reputa: fetch web: \(server.base)\(path): "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(reason), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: temp.path("snapshots/web")))
        let row = try #require(try jsonArray(outcome.stdout).first)
        #expect(row["payloads"] as? Int == 0)
        #expect((row["status"] as? String)?.hasPrefix("failed: fetch web: ") == true)
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
