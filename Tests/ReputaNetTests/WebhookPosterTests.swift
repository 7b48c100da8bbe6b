import Foundation
import ReputaCore
@testable import ReputaNet
import Testing

/// Webhook requests go under the fetches' address policy, and every URL is shown one way.
@Suite struct WebhookPosterTests {
    /// Nothing listens there: a refused address must be refused before any connection, and say why.
    @Test(arguments: ["http://127.0.0.1:9/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:9/x",
                      "http://10.1.2.3:9/x", "http://0x7f.1:9/x"])
    func nonPublicAddressesAreRefusedUnlessAllowed(url: String) throws {
        let poster = WebhookPoster(timeout: 5)
        do {
            _ = try poster.post(Data("{}".utf8), to: url, headers: [])
            Issue.record("posted to \(url)")
        } catch let error as DeliveryError {
            #expect(error.message.hasPrefix("refused to connect to "), "\(error)")
            #expect(error.message.contains("allow_private_network: true"), "\(error)")
            #expect(!error.description.contains("meta-data") && !error.description.contains("/hook") && !error.description.contains("/x"), "\(error)")
        }
    }

    @Test func anAllowedLoopbackIsTriedForReal() throws {
        // Port 9 (discard) is closed here: the connection is attempted and refused by the kernel.
        let poster = WebhookPoster(timeout: 5, allowPrivateNetwork: true)
        do {
            _ = try poster.post(Data("{}".utf8), to: "http://127.0.0.1:9/hook", headers: [])
            Issue.record("something answered on port 9")
        } catch let error as DeliveryError {
            #expect(!error.message.hasPrefix("refused to connect to "), "\(error)")
            #expect(error.server == "http://127.0.0.1:9/…")
        }
    }

    @Test(arguments: [
        ("https://user:pw@api.example.com/v1/x?apikey=abc&page=2", URLRedaction.Keep.query, "https://api.example.com/v1/x?apikey=…&page=…"),
        // Every value, whatever the parameter's name; names, empty values and the path stay.
        ("https://h.example/f?access_token=A1&password=P2&client_secret=C3&X-Amz-Signature=S4&auth=&flag#access_token=T5",
         .query, "https://h.example/f?access_token=…&password=…&client_secret=…&X-Amz-Signature=…&auth=&…#…"),
        ("https://h.example/feed", .query, "https://h.example/feed"),
        ("https://hooks.slack.com/services/T000/B000/XXXX", .host, "https://hooks.slack.com/…"),
        ("http://127.0.0.1:8080/hook?x=1", .host, "http://127.0.0.1:8080/…"),
        ("postgres://reputa:s3cr/et@db.example:5433/reputa?sslmode=require&password=x", .path, "postgres://db.example:5433/reputa"),
        ("https://medium.com/@someone/feed", .query, "https://medium.com/@someone/feed"),
        ("smtp://bot:pw@mail.example.com:587", .host, "smtp://mail.example.com:587/…"),
        ("not a url", .host, "(url)"),
    ])
    func urlsAreShownWithoutTheirSecrets(url: String, keep: URLRedaction.Keep, shown: String) {
        #expect(URLRedaction.redact(url, keeping: keep) == shown)
    }

    @Test(arguments: [
        ("redirect to https://u:pw@evil.example/x?token=SECRET: refused.", "redirect to https://evil.example/x?token=…: refused."),
        ("(see http://a.example/?k=v1), then postgres://db/x?password=pw", "(see http://a.example/?k=…), then postgres://db/x?password=…"),
        ("no url here: 3 of 4", "no url here: 3 of 4"),
        ("\"https://a.example/?s=1\" and https://b.example/p?q=2&r", "\"https://a.example/?s=…\" and https://b.example/p?q=…&…"),
        // Already redacted text comes out the same.
        ("fetch f: https://a.example/x?token=…&page=…: HTTP 500", "fetch f: https://a.example/x?token=…&page=…: HTTP 500"),
    ])
    func urlsInsideMessagesAreRedacted(message: String, shown: String) {
        #expect(URLRedaction.scrub(message) == shown)
    }
}
