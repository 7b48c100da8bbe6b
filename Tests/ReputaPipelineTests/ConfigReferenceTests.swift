import Foundation
@testable import ReputaConfig
import Testing

/// The configuration reference cannot drift from the loader: docs/configuration.md's "Key
/// reference" lists exactly the keys `ConfigLoader` accepts (its `keyCatalogue`), no more and
/// no fewer.
@Suite struct ConfigReferenceTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/configuration.md")

    /// Every `path.key` the loader accepts, as the reference writes it (top-level keys bare).
    static var accepted: Set<String> {
        Set(ConfigLoader.keyCatalogue.flatMap { section, keys in keys.map { section.isEmpty ? $0 : "\(section).\($0)" } })
    }

    /// The first cell of every table row under "## Key reference", without its backticks.
    static func documented(_ text: String) -> [String] {
        guard let start = text.range(of: "\n## Key reference\n") else { return [] }
        let section = text[start.upperBound...].components(separatedBy: "\n## ").first ?? ""
        return section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            let cell = line.dropFirst(3)
            return cell.firstIndex(of: "`").map { String(cell[..<$0]) }
        }
    }

    /// What differs, as one message per key; empty when the two agree.
    static func drift(_ text: String) -> [String] {
        let listed = documented(text)
        var problems = Set(listed).subtracting(accepted).sorted().map { "documented but refused by the loader: \($0)" }
        problems += accepted.subtracting(listed).sorted().map { "accepted by the loader but not documented: \($0)" }
        problems += Dictionary(grouping: listed, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().map { "documented twice: \($0)" }
        return problems
    }

    @Test func theReferenceListsExactlyTheKeysTheLoaderAccepts() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        #expect(Self.accepted.count > 200)
        #expect(Self.drift(text).isEmpty, "\(Self.drift(text).joined(separator: "\n"))")
    }

    /// The check fails both ways: a key dropped from the page, or a key the loader does not know.
    @Test func theCheckSeesAKeyMissingOrInvented() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| `http.retries`") })
        #expect(Self.drift(text.replacingOccurrences(of: row + "\n", with: ""))
                == ["accepted by the loader but not documented: http.retries"])
        #expect(Self.drift(text.replacingOccurrences(of: row + "\n", with: row + "\n| `http.retry_forever` | invented |\n"))
                == ["documented but refused by the loader: http.retry_forever"])
        // And the loader really refuses what the page must not list.
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("ref-\(UUID().uuidString).yml")
        try "version: 1\nhttp: {retry_forever: true}\n".write(to: temp, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: temp) }
        #expect(throws: (any Error).self) { try ConfigLoader.load(file: temp.path) }
    }
}
