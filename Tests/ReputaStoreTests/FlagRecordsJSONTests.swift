import Foundation
@testable import ReputaStore
import Testing

/// The flag lists (reasons, categories, topics, channels) are stored as JSON arrays written by
/// hand: what JSONDecoder reads back must be the list that went in, whatever the text holds.
@Suite struct FlagRecordsJSONTests {
    @Test(arguments: [
        [String](),
        ["negative text (score -3.5): \"pessimo\", \"mai piu\""],
        ["back\\slash", "tab\there", "line\nbreak", "nul\u{0}and\u{1f}unit", "emoji 😡 and accents àéî", "/slash/"],
        ["", " ", "]", "[\"", "\u{7f}", "\u{2028}"],
    ])
    func writtenListsReadBackIdentically(list: [String]) throws {
        let text = FlagRecords.json(list)
        let decoded = try JSONDecoder().decode([String].self, from: Data(text.utf8))
        #expect(decoded == list)
        #expect(FlagRecords.list(text) == list)
        // Control characters never appear raw (a JSON parser must refuse them).
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func matchesTheShapeOfTheEncoderItReplaces() {
        #expect(FlagRecords.json([]) == "[]")
        #expect(FlagRecords.json(["a", "b"]) == #"["a","b"]"#)
        #expect(FlagRecords.json(["say \"hi\""]) == #"["say \"hi\""]"#)
        #expect(FlagRecords.json(["\u{1}"]) == #"["\u0001"]"#)
    }
}
