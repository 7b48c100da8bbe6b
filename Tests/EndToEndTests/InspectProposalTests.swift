import Foundation
import Testing

/// `reputa inspect FILE` without a kind, with the real binary: the proposal, the command it
/// prints (run as printed, in a shell), JSON output, and a file no kind reads.
@Suite struct InspectProposalTests {
    @Test func theProposedCommandImportsTheFile() throws {
        let temp = try TempFolder()
        // A name with a space and a quote: the printed command must still run as printed.
        let file = try temp.write("Export 'hotel'.csv", String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixturePath("kinds/booking-csv-hotel-reviews.csv"))), as: UTF8.self))
        let out = try reputa(["inspect", file], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("kind     booking-csv"), "\(out.stdout)")
        #expect(lines.contains("reads    4 reviews, 0 rows skipped"), "\(out.stdout)")
        let command = try #require(lines.first { $0.hasPrefix("command  ") }).dropFirst("command  ".count)
        #expect(command == "reputa import '\(temp.url.path)/Export '\\''hotel'\\''.csv' --kind booking-csv", "\(command)")
        // Run exactly that line, with this build's binary as `reputa`.
        let binary = URL(fileURLWithPath: reputaBinary).deletingLastPathComponent().path
        let run = try execute("/bin/sh", ["-c", "PATH=\(binary):$PATH " + command + " --store s.sqlite"], cwd: temp.url)
        #expect(run.status == 0 && run.stdout.contains("4 new"), "\(run.stdout) \(run.stderr)")

        let json = try reputa(["inspect", "--format", "json", fixturePath("kinds/json-generic.json")], cwd: temp.url)
        let object = try #require(try jsonArray(json.stdout).first)
        #expect(object["kind"] as? String == "json")
        #expect(object["map"] as? String == "author=who,date=when,id=ref,rating=score,text=body")
    }

    @Test func aFileNoKindReadsExitsOneSayingWhy() throws {
        let temp = try TempFolder()
        let file = try temp.write("h.csv", "id,rating,date,text\n")
        let out = try reputa(["inspect", file], cwd: temp.url)
        #expect(out.status == 1)
        #expect(out.stdout.contains("shape    CSV, delimiter ',', 4 columns: id, rating, date, text"), "\(out.stdout)")
        #expect(out.stderr == "reputa: inspect: \(file): no kind reads it; kind csv says: h.csv:1: no reviews: the file has a header only\n", "\(out.stderr)")
        // Reading options belong with a kind: without one they would be silently ignored.
        let options = try reputa(["inspect", "--delimiter", ";", file], cwd: temp.url)
        #expect(options.status == 64 && options.stderr.contains("reading options need --kind"), "\(options.stderr)")
    }

    /// `reputa import --help`: one example per kind, each on one line of help.
    @Test func importHelpGivesOneExamplePerKind() throws {
        let help = try reputa(["import", "--help"]).stdout
        let kindsLine = try #require(help.range(of: "Source kind: ")).upperBound
        let listed = help[kindsLine...].prefix { $0 != "." }.replacingOccurrences(of: "\n", with: " ")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(listed.count >= 30 && listed.contains("google-play-scraper") && listed.contains("app-store-scraper"))
        let examples = help.split(separator: "\n").filter { $0.hasPrefix("  reputa import ") }
        for kind in listed {
            #expect(examples.filter { $0.hasSuffix("--kind \(kind)") || $0.contains("--kind \(kind) ") }.count == 1, "\(kind)")
        }
        #expect(examples.count == listed.count)
    }
}
