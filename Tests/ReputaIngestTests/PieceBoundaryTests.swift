import Foundation
import FuzzSupport
import ReputaCore
@testable import ReputaIngest
import Testing

/// Files are read in pieces; where a piece ends must never change what is read. Every fixture
/// is streamed in pieces of 1, 2, 3, 7 and 1000 bytes (cutting UTF-8 and UTF-16 sequences, CRLF
/// pairs, quoted fields, XML tags and entity references in every possible place) and must give
/// exactly what reading it whole gives: the same reviews, problems and page facts, or the same
/// error at the same place.
struct PieceBoundaryTests {
    static let sizes = [1, 2, 3, 7, 1000]

    static let goldenFixtures: [String] = {
        let folder = Bundle.module.url(forResource: "Fixtures/kinds", withExtension: nil)!
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.sorted()
    }()

    /// (fixture path under Fixtures/, kind) for the files the CSV and App Store suites use,
    /// broken ones included.
    static let otherFixtures: [(String, String)] = [
        ("reviews_reviews_it.aurorabistrot.app_202609.csv", "google-play-csv"),
        ("tripadvisor-export.csv", "csv"), ("bad-rows.csv", "csv"), ("invalid-utf8.csv", "csv"),
        ("unclosed-quote.csv", "csv"), ("header-only.csv", "csv"), ("empty.csv", "csv"),
        ("appstore-it-page1.xml", "appstore-rss"), ("malformed.xml", "appstore-rss"),
        ("truncated.xml", "appstore-rss"), ("not-atom.xml", "appstore-rss"),
    ]

    static func read(_ bytes: [UInt8], kind: String, source: SourceDescriptor, pieceSize: Int?) -> ImportCheck.Outcome {
        ImportCheck.read(bytes, kind: kind, source: source, pieceSize: pieceSize)
    }

    @Test(arguments: goldenFixtures)
    func goldenFixturesReadTheSameInAnyPieces(_ expectedName: String) throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures/kinds", withExtension: nil))
        let expected = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent(expectedName))) as? [String: Any])
        let name = String(expectedName.dropLast(".expected.json".count))
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        let kind = try #require(expected["kind"] as? String)
        let source = SourceDescriptor(name: "golden", kind: kind, mapping: expected["mapping"] as? [String: String] ?? [:],
                                      timezone: expected["timezone"] as? String ?? "Europe/Rome")
        let whole = Self.read(bytes, kind: kind, source: source, pieceSize: nil)
        if case .failed(let message) = whole { Issue.record("\(name) does not read: \(message)") }
        for size in Self.sizes {
            #expect(Self.read(bytes, kind: kind, source: source, pieceSize: size) == whole, "\(name) in \(size)-byte pieces")
        }
    }

    @Test(arguments: otherFixtures)
    func exportsAndBrokenFilesReadTheSameInAnyPieces(_ name: String, _ kind: String) throws {
        let bytes = try fixture(name)
        let source = descriptor(kind: kind)
        let whole = Self.read(bytes, kind: kind, source: source, pieceSize: nil)
        for size in Self.sizes {
            #expect(Self.read(bytes, kind: kind, source: source, pieceSize: size) == whole, "\(name) in \(size)-byte pieces")
        }
    }

    /// A sequence cut by a piece boundary is joined; a bad byte is still named by line and
    /// column, counted across pieces.
    @Test func utf8ErrorsAreLocatedAcrossPieces() throws {
        let text = Array("id,rating,date\n1,5,2026-01-02\n2,4,2026-01-03 città\n".utf8) + [0x61, 0xC3, 0x28] + Array("\n".utf8)
        for size in Self.sizes {
            let stream = UTF8Stream(ByteInput(bytes: text, pieceSize: size))
            var out: [UInt8] = []
            #expect(throws: TextDecoder.Failure.invalidUTF8(line: 4, column: 2)) {
                while try stream.append(to: &out) {}
            }
        }
    }
}

extension PieceBoundaryTests {
    /// Payloads shorter than a byte-order mark are plain UTF-8, checked like any other.
    @Test func tinyPayloadsAreDecodedOrRefused() throws {
        #expect(try TextDecoder.utf8Bytes(Array("a\n".utf8)) == Array("a\n".utf8))
        #expect(try TextDecoder.utf8Bytes([0xC3, 0xA0]) == [0xC3, 0xA0])
        #expect(throws: TextDecoder.Failure.invalidUTF8(line: 1, column: 2)) { try TextDecoder.utf8Bytes([0x61, 0xFF]) }
        for size in PieceBoundaryTests.sizes {
            let stream = UTF8Stream(ByteInput(bytes: [0x61, 0x0A], pieceSize: size))
            var out: [UInt8] = []
            while try stream.append(to: &out) {}
            #expect(out == [0x61, 0x0A])
        }
    }
}
