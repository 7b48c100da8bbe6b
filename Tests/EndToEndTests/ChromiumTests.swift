import Foundation
import Testing

/// The HTML report opened in headless Chromium (Debian `chromium`): it renders (a screenshot
/// that is not blank), the DOM holds the headings and charts, and the console shows no error
/// (a CSP violation or a broken resource would log one).
@Suite struct ChromiumTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func chromium(_ args: [String], _ temp: TempFolder) throws -> Outcome {
        let binary = try #require(Self.chromium, "chromium is not installed (scripts/install-deps.sh installs it)")
        return try execute(binary, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                                    "--user-data-dir=\(temp.path("profile"))", "--enable-logging=stderr", "--v=0"] + args,
                           environment: ["HOME": temp.url.path])
    }

    @Test func theDemoReportRendersWithItsHeadingsAndCharts() throws {
        let temp = try TempFolder()
        let report = temp.path("report.html")
        let out = try reputa(["report", "weekly", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore,
                              "--week", "2026-W47", "-o", report])
        #expect(out.status == 0, "\(out.stderr)")

        let dom = try chromium(["--dump-dom", "file://\(report)"], temp)
        #expect(dom.status == 0, "\(dom.stderr)")
        for heading in ["<h1>Weekly reputation report 2026-W47</h1>", "<h2>Portal ratings by location</h2>", "<h2>Competitors</h2>",
                        "<h2>Internal metrics (surveys and helpdesk)</h2>", "<h2>Star distribution</h2>",
                        "<h2>Us versus competitors (Bayesian average, 0-100)</h2>", "<h2>Published benchmarks</h2>",
                        "<h2>Notable reviews of the week</h2>"] {
            #expect(dom.stdout.contains(heading), "\(heading)")
        }
        for chart in ["chart trend", "chart distribution", "chart bars"] {
            #expect(dom.stdout.contains("class=\"\(chart)\""), "\(chart)")
        }
        // Trend lines as segments: solid where both weeks rest on 5 reviews or more, dashed where
        // one rests on fewer (then the chart says what the hollow points mean).
        #expect(dom.stdout.components(separatedBy: "stroke-width=\"2\"></line>").count > 4
                || dom.stdout.components(separatedBy: "stroke-width=\"2\"/>").count > 4)
        let compare = try reputa(["compare", "--config", CompareTests.demoConfig, "--store", CompareTests.demoStore, "--week", "2026-W47",
                                  "--format", "json"])
        let trends = try #require(((try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])?["comparison"]
            as? [String: Any])?["trends"] as? [[String: Any]])
        let sparse = trends.contains { $0["name"] as? String == "us" && $0["location"] as? String != "all"
            && ($0["reviews"] as? Int ?? 0) > 0 && ($0["reviews"] as? Int ?? 0) < 5 }
        #expect(dom.stdout.contains("stroke-dasharray") == sparse && dom.stdout.contains("under 5 reviews") == sparse)
        let consoleErrors = dom.stderr.split(separator: "\n").filter {
            $0.contains("CONSOLE") || $0.contains("Content Security Policy") || $0.contains("Refused to")
        }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")

        let png = temp.path("shot.png")
        let shot = try chromium(["--window-size=1000,1600", "--screenshot=\(png)", "file://\(report)"], temp)
        #expect(FileManager.default.fileExists(atPath: png), "\(shot.stderr)")
        let stats = try python("png_stats.py", [png])
        let info = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any], "\(stats.stderr)")
        #expect(info["width"] as? Int == 1000)
        #expect((info["colours"] as? Int ?? 0) > 20)
        #expect((info["nonwhite"] as? Double ?? 0) > 0.03)
    }
}
