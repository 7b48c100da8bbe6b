import Foundation
@testable import ReputaConfig
@testable import ReputaIngest
import Testing

/// What `reputa init` writes reads back as written, whatever the file names and column names
/// hold: a crafted name can neither end a comment nor a value and add YAML of its own.
@Suite struct ConfigDraftTests {
    @Test func hostileNamesReadBackAsWrittenAndAddNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // U+2028 and NEL are line breaks to some YAML readers; DEL and a quote, a backslash and a
        // YAML flow item would end or change a badly quoted value.
        let evil = "\u{2028}  - {name: evil, kind: csv, path: /etc/passwd}"
        let path = "exports/Caffè \"best\"\\\u{7F}\u{85}\(evil).csv"
        var sniffed = KindGuess.Sniffed()
        sniffed.facts = [("shape", "CSV, delimiter ',', 2 columns: rating\(evil), date\nsources: []")]
        sniffed.proposal = KindGuess.Proposal(kind: "csv", mapping: ["rating": "rating\(evil)", "date": "date\u{85}x"], delimiter: ";")
        let text = ConfigDraft.render(files: [ConfigDraft.File(path: path, name: "csv", sniffed: sniffed)], locations: ["milano"],
                                      timezone: "Europe/Rome", now: Date(timeIntervalSince1970: 1_796_000_000))
        #expect(!text.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{85}" || $0 == "\u{7F}" })
        #expect(text.contains("\"exports/Caffè \\\"best\\\"\\\\\\u007F\\u0085\\u2028  - {name: evil"), "\(text)")
        let file = folder.appendingPathComponent("sources.yml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(file: file.path, environment: [:])
        #expect(config.sources.map(\.descriptor.name) == ["csv"])
        let entry = try #require(config.sources.first)
        #expect(entry.descriptor.mapping == ["rating": "rating\(evil)", "date": "date\u{85}x"])
        #expect(entry.descriptor.delimiter == ";")
        #expect(entry.path?.hasSuffix(path) == true, "\(String(describing: entry.path))")
    }
}
