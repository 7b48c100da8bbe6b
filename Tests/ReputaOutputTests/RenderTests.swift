import Foundation
import ReputaCore
@testable import ReputaOutput
import Testing

@Suite struct RenderTests {
    static let hostile = DataTable(columns: ["text", "delta"], rows: [
        [.text("=HYPERLINK(\"http://x\")"), .number(-0.4)],
        [.text("+1"), .integer(3)],
        [.text("-2+3"), .null],
        [.text("@SUM(A1)"), .number(1.25)],
        [.text("\tlead tab"), .number(2)],
        [.text("plain, with \"quotes\""), .number(0)],
    ])

    /// Numbers that round to zero at two decimals are "0", a valid JSON number (was "0.", which
    /// broke `score-text --format json` on a probability of 0.0003).
    @Test(arguments: [(0.0003, "0"), (-0.001, "0"), (0.5, "0.5"), (0.126, "0.13"), (-1.5, "-1.5"), (2.0, "2"), (0.996, "1")])
    func numbersAreShortAndValidJSON(value: Double, text: String) throws {
        #expect(Renderer.plain(value) == text)
        let json = Renderer.render(DataTable(columns: ["n"], rows: [[.number(value)]]), as: .json)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect((parsed?.first?["n"] as? NSNumber)?.doubleValue == Double(text))
    }

    @Test func csvGuardsFormulasButKeepsNumbersNumeric() {
        let csv = Renderer.render(Self.hostile, as: .csv)
        #expect(csv.hasPrefix("\u{FEFF}\"text\",\"delta\"\r\n"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\",-0.4")
        #expect(lines[2] == "\"'+1\",3")
        #expect(lines[3] == "\"'-2+3\",")
        #expect(lines[4] == "\"'@SUM(A1)\",1.25")
        #expect(lines[5] == "\"'\tlead tab\",2")
        #expect(lines[6] == "\"plain, with \"\"quotes\"\"\",0")
    }

    @Test func terminalTableDropsControlsAndBidi() {
        let table = DataTable(columns: ["text"], rows: [[.text("ok\u{1B}[2Jcleared\u{202E}evil\u{07}\nnext")]])
        let out = Renderer.render(table, as: .table)
        #expect(!out.contains("\u{1B}"))
        #expect(!out.contains("\u{202E}"))
        #expect(!out.contains("\u{07}"))
        #expect(out.contains("ok[2Jclearedevil next"))
    }

    @Test func jsonIsStrictAndKeepsKeyOrder() throws {
        let table = DataTable(columns: ["b", "a", "n"], rows: [[.text("x\"</script>\u{01}\n"), .null, .number(4.5)]])
        let json = Renderer.render(table, as: .json)
        #expect(json.contains("{\"b\": \"x\\\"\\u003c/script>\\u0001\\n\", \"a\": null, \"n\": 4.5}"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["b"] as? String == "x\"</script>\u{01}\n")
        #expect(Renderer.render(DataTable(columns: ["a"]), as: .json) == "[]\n")
    }

    @Test func markdownEscapesPipesAndMarkup() {
        let md = Renderer.render(DataTable(columns: ["t"], rows: [[.text("a|b <img> *x*")]]), as: .md)
        #expect(md == "| t |\n| --- |\n| a\\|b &lt;img&gt; \\*x\\* |\n")
    }

    @Test func htmlEscapesEverythingAndCarriesNoScript() {
        let table = DataTable(columns: ["text", "url"], rows: [
            [.text("</td><script>alert(1)</script>"), .text("javascript:alert(1)\" onmouseover=\"x")],
            [.text("l'ordine & il conto"), .number(-0.4)],
        ])
        let html = Renderer.render(table, as: .html)
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"))
        #expect(html.contains("<td>&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(html.contains("<td>javascript:alert(1)&quot; onmouseover=&quot;x</td>"))   // text, never a link
        #expect(html.contains("<td>l&#39;ordine &amp; il conto</td>"))
        #expect(html.contains("<td class=\"n\">-0.4</td>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("href="))
    }

    @Test func reviewTableHasTheDocumentedKeys() {
        let r = Review(source: "s", portal: "p", externalID: "1", rating: Rating(value: 4, scale: .fiveStars),
                       createdAt: Timestamp(epochSeconds: 0))
        let table = ReviewTable.make([r])
        #expect(table.columns == ["source", "portal", "id", "rating", "scale_min", "scale_max", "rating_100", "title", "text",
                                  "author", "language", "created_at", "updated_at", "reply_text", "reply_at", "url",
                                  "location", "competitor"])
        #expect(table.rows[0][6] == .number(75))
        #expect(table.rows[0][11] == .text("1970-01-01T00:00:00Z"))
    }

    /// ISO weeks as readers write them, across a month and a year (checked on a calendar).
    @Test func weeksAreWrittenAsDays() {
        #expect(ReportLanguage.english.weekSpan("2026-W47") == "16–22 Nov 2026")
        #expect(ReportLanguage.italian.weekSpan("2026-W47") == "16–22 nov 2026")
        #expect(ReportLanguage.italian.weekSpan("2026-W49") == "30 nov – 6 dic 2026")
        #expect(ReportLanguage.english.weekSpan("2026-W01") == "29 Dec 2025 – 4 Jan 2026")
        #expect(ReportLanguage.english.weekSpan("2026-W53") == "28 Dec 2026 – 3 Jan 2027") // 2026 starts on a Thursday: 53 weeks
        #expect(ReportLanguage.english.weekSpan("2025-W53") == "2025-W53") // 2025 has 52
    }

    /// Columns line up by display width (a CJK character or an emoji takes two columns, an accent
    /// none), and a table wider than the terminal is narrowed by its widest column first.
    @Test func tablesAlignWideCharactersAndFitTheTerminal() {
        let table = DataTable(columns: ["who", "text"], rows: [
            [.text("日本"), .text("ok")], [.text("😀x"), .text("fine")], [.text("e\u{301}e"), .text("y")], [.text("ab"), .text("z")],
        ])
        let lines = TableRenderer.render(table, columns: nil).split(separator: "\n").map(String.init)
        // "who" is 4 columns wide (日本, 😀x): the second column starts at display column 6 on every row.
        for (line, second) in zip(lines.dropFirst(2), ["ok", "fine", "y", "z"]) {
            #expect(line.hasSuffix(second) && DisplayWidth.of(String(line.dropLast(second.count))) == 6, "\(line)")
        }
        #expect(DisplayWidth.of("日本") == 4 && DisplayWidth.of("😀") == 2 && DisplayWidth.of("e\u{301}") == 1 && DisplayWidth.of("👍🏽") == 2)
        let long = DataTable(columns: ["id", "review"], rows: [[.integer(1), .text(String(repeating: "parola ", count: 12))]])
        let fitted = TableRenderer.render(long, columns: 40).split(separator: "\n")
        #expect(fitted.allSatisfy { DisplayWidth.of(String($0)) <= 40 }, "\(fitted)")
        #expect(fitted[2].hasSuffix("…"))
        #expect(DisplayWidth.cut("日本語テキスト", to: 7) == "日本語…")
    }
}
