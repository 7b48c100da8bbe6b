import Foundation
import ReputaCore
@testable import ReputaIngest
@testable import ReputaNet
import Testing

/// The pure parts of the HTTP client: address ranges, Retry-After, Internet dates.
@Suite struct HTTPPartsTests {
    @Test(arguments: [
        ([127, 0, 0, 1], "a loopback address"), ([10, 1, 2, 3], "a private address (10.0.0.0/8)"),
        ([172, 31, 255, 1], "a private address (172.16.0.0/12)"), ([192, 168, 0, 9], "a private address (192.168.0.0/16)"),
        ([169, 254, 169, 254], "a link-local address (169.254.0.0/16, cloud metadata)"),
        ([100, 64, 0, 1], "a shared (CGNAT) address (100.64.0.0/10)"), ([0, 0, 0, 0], "the unspecified network 0.0.0.0/8"),
        ([224, 0, 0, 1], "a multicast address"),
    ] as [([UInt8], String)])
    func privateIPv4RangesAreNamed(bytes: [UInt8], range: String) {
        #expect(NetworkAddress.nonPublicRange(bytes) == range)
    }

    @Test func publicAddressesPass() {
        for bytes: [UInt8] in [[8, 8, 8, 8], [172, 32, 0, 1], [100, 128, 0, 1], [192, 169, 0, 1]] {
            #expect(NetworkAddress.nonPublicRange(bytes) == nil, "\(bytes)")
        }
        var google = [UInt8](repeating: 0, count: 16)
        google[0] = 0x2a; google[1] = 0x00; google[2] = 0x14; google[3] = 0x50
        #expect(NetworkAddress.nonPublicRange(google) == nil)
    }

    @Test func ipv6LoopbackMappedAndLocalRangesAreRefused() {
        var loop = [UInt8](repeating: 0, count: 16); loop[15] = 1
        #expect(NetworkAddress.nonPublicRange(loop) == "a loopback address")
        #expect(NetworkAddress.text(loop) == "::1")
        var mapped = [UInt8](repeating: 0, count: 16); mapped[10] = 0xff; mapped[11] = 0xff
        mapped[12] = 127; mapped[15] = 1
        #expect(NetworkAddress.nonPublicRange(mapped) == "an IPv4-mapped a loopback address")
        var ula = [UInt8](repeating: 0, count: 16); ula[0] = 0xfd
        #expect(NetworkAddress.nonPublicRange(ula) == "a unique-local (private) address")
        var linkLocal = [UInt8](repeating: 0, count: 16); linkLocal[0] = 0xfe; linkLocal[1] = 0x80
        #expect(NetworkAddress.nonPublicRange(linkLocal) == "a link-local address")
        #expect(NetworkAddress.text(linkLocal) == "fe80::")
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18T11:06:40Z
        #expect(HTTPClient.retryAfterSeconds("120", now: now) == 120)
        #expect(HTTPClient.retryAfterSeconds("Wed, 18 Nov 2026 11:08:40 GMT", now: now) == 120)
        #expect(HTTPClient.retryAfterSeconds("Wed, 18 Nov 2026 11:00:00 GMT", now: now) == 0) // in the past
        #expect(HTTPClient.retryAfterSeconds("soon", now: now) == nil)
        #expect(HTTPClient.retryAfterSeconds("-5", now: now) == nil)
    }

    // Expected instants worked out by hand from the offsets.
    @Test(arguments: [
        ("Mon, 02 Nov 2026 10:15:00 +0100", "2026-11-02T09:15:00Z"),
        ("02 Nov 2026 10:15 GMT", "2026-11-02T10:15:00Z"),
        ("Mon, 2 Nov 26 10:15:00 PST", "2026-11-02T18:15:00Z"),
        ("Monday, 02-Nov-26 10:15:00 GMT", "2026-11-02T10:15:00Z"),
        ("Mon Nov  2 10:15:00 2026", "2026-11-02T09:15:00Z"),          // asctime, no zone → Rome (CET)
        ("Mon, 02 Nov 2026 10:15:00 CEST", "2026-11-02T08:15:00Z"),    // broken but common
        ("Tue, 15 Sep 2026 07:00:00 -0700 (PDT)", "2026-09-15T14:00:00Z"),
        ("Mon, 02 Nov 2026 10:15:00 Z", "2026-11-02T10:15:00Z"),
    ])
    func internetDatesParse(text: String, utc: String) {
        #expect(MailDate.parse(text, zone: TimeZone(identifier: "Europe/Rome")!)?.utcISO == utc)
        #expect(DateText.parse(text, zone: TimeZone(identifier: "Europe/Rome")!)?.utcISO == utc)
    }

    @Test func notDatesAreRefused() {
        for text in ["ieri sera", "Mon, 32 Nov 2026 10:15:00 GMT", "Mon, 02 Nov 2026 25:15:00 GMT", "02 Nov"] {
            #expect(MailDate.parse(text, zone: .gmt) == nil, "\(text)")
        }
    }

    @Test func payloadShapesAreSniffed() {
        #expect(PayloadShape.sniff(Array("\u{FEFF}  <?xml version=\"1.0\"?><!-- c --><rss/>".utf8)) == .xml)
        #expect(PayloadShape.sniff(Array("<!DOCTYPE html><html><head>".utf8)) == .html)
        #expect(PayloadShape.sniff(Array("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">".utf8)) == .html)
        #expect(PayloadShape.sniff(Array(" {\"feed\": {}}".utf8)) == .json)
        #expect(PayloadShape.sniff(Array(" \n".utf8)) == .empty)
        #expect(PayloadShape.sniff(Array("id,rating".utf8)) == .other)
    }
}
