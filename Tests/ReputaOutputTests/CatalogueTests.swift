import Foundation
import Testing
import ReputaCore
@testable import ReputaOutput

/// The report, compare, metrics and mail strings come from one catalogue (`ReportLanguage`):
/// every key the code asks for (`lang.t("…")`, read from the sources themselves) and every name
/// of `MetricWords` must have its Italian text, or this test names the missing ones.
@Suite struct CatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The string literals (without interpolation) inside every `.t(…)` call of `text`.
    static func keys(in text: String) -> [String] {
        var keys: [String] = []
        let chars = Array(text)
        var i = 0
        while i + 3 < chars.count {
            guard chars[i] == ".", chars[i + 1] == "t", chars[i + 2] == "(", i == 0 || chars[i - 1].isLetter || chars[i - 1] == ")" else {
                i += 1
                continue
            }
            // Walk the call to its closing parenthesis, collecting literals.
            var depth = 0, j = i + 2, literal: String? = nil, escaped = false, interpolated = false
            repeat {
                let c = chars[j]
                if var current = literal {
                    if escaped {
                        if c == "(" { interpolated = true }
                        current.append(c == "n" ? "\n" : c)
                        escaped = false
                        literal = current
                    } else if c == "\\" {
                        escaped = true
                    } else if c == "\"" {
                        if !interpolated { keys.append(current) }
                        literal = nil
                        interpolated = false
                    } else {
                        current.append(c)
                        literal = current
                    }
                } else if c == "\"" {
                    literal = ""
                } else if c == "(" {
                    depth += 1
                } else if c == ")" {
                    depth -= 1
                }
                j += 1
            } while depth > 0 && j < chars.count
            i = j
        }
        return keys
    }

    @Test func everyKeyHasItsItalianText() throws {
        var asked: [String: String] = [:] // key → the file that asks for it
        for module in ["ReputaOutput", "ReputaPipeline", "ReputaCLI"] {
            let folder = Self.sources.appendingPathComponent(module)
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for key in Self.keys(in: text) { asked[key] = "\(module)/\(file)" }
            }
        }
        for name in MetricWords.names.values { asked[name] = "MetricWords.names" }
        for scale in ["percent", "minutes (business)", "minutes (calendar)"] { asked[scale] = "MetricWords.scale" }
        #expect(asked.count > 150, "the scan found only \(asked.count) keys")
        let missing = asked.filter { ReportLanguage.italianLabels[$0.key] == nil }.map { "\($0.value): \"\($0.key)\"" }.sorted()
        #expect(missing.isEmpty, "no Italian text for:\n\(missing.joined(separator: "\n"))")
    }

    /// The scan itself: literals of a call, both sides of a choice, nothing interpolated.
    @Test func theScanFindsTheKeysOfACall() {
        let code = #"""
        x = lang.t("Week") + lang.t(n == 1 ? "review" : "reviews") + lang.t("{n} weeks", n: 2) + lang.t("no \(x) here")
        y = other.t(key) + format("not a key")
        """#
        #expect(Self.keys(in: code) == ["Week", "review", "reviews", "{n} weeks"])
    }

    /// Numbers and dates by the locale.
    @Test func numbersAndDatesFollowTheReader() {
        let it = ReportLanguage.italian, en = ReportLanguage.english
        #expect(it.number(3.736, 2) == "3,74" && en.number(3.736, 2) == "3.74")
        #expect(it.integer(15090) == "15.090" && en.integer(15090) == "15,090")
        #expect(it.weekSpan("2026-W47") == "16–22 nov 2026" && en.weekSpan("2026-W47") == "16–22 Nov 2026")
        #expect(en.ordinal(1) == "1st" && en.ordinal(12) == "12th" && en.ordinal(23) == "23rd" && it.ordinal(2) == "2º")
        let zone = TimeZone(identifier: "Europe/Rome")!
        #expect(it.dateTime(Timestamp(epochSeconds: 1_796_551_200), zone: zone).hasPrefix("6 dic 2026"))
    }
}
