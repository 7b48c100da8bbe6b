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
    /// none): the expected lines are written out by hand. A table wider than the terminal is
    /// narrowed by its widest column first, and left whole when even its narrowest form cannot fit.
    @Test func tablesAlignWideCharactersAndFitTheTerminal() {
        let table = DataTable(columns: ["who", "text"], rows: [
            [.text("日本"), .text("ok")], [.text("😀x"), .text("fine")], [.text("e\u{301}e"), .text("y")], [.text("❤️"), .text("z")],
        ])
        #expect(TableRenderer.render(table, columns: nil) == "who   text\n----  ----\n日本  ok\n😀x   fine\ne\u{301}e    y\n❤️    z\n")
        #expect(DisplayWidth.of("👍🏽") == 2 && DisplayWidth.of("🇮🇹") == 2 && DisplayWidth.of("1️⃣") == 2 && DisplayWidth.of("perché") == 6)
        #expect(DisplayWidth.cut("日本語テキスト", to: 7) == "日本語…")

        // 2 + 2 + 30 + 2 + 20 = 56 columns into 40: the widest gives way first (30 → 20), then the
        // two in turn, to 17 each (2 + 2 + 17 + 2 + 17 = 40).
        let wide = DataTable(columns: ["id", "review", "source"], rows: [[.integer(1), .text(String(repeating: "r", count: 30)),
                                                                         .text(String(repeating: "s", count: 20))]])
        let fitted = TableRenderer.render(wide, columns: 40).split(separator: "\n").map(String.init)
        #expect(fitted[2] == "1   " + String(repeating: "r", count: 16) + "…  " + String(repeating: "s", count: 16) + "…", "\(fitted)")
        #expect(fitted.allSatisfy { DisplayWidth.of($0) <= 40 })
        // Twelve columns of 10 cannot fit 40 even at 8 each: left whole, not cut everywhere.
        let many = DataTable(columns: (1...12).map { "column\($0 % 10)xyz" }, rows: [(1...12).map { _ in .text("abcdefghij") }])
        #expect(TableRenderer.render(many, columns: 40) == TableRenderer.render(many, columns: nil))
    }
}
