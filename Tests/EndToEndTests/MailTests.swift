import Foundation
import Testing

/// Support/smtp_sink.py (Debian's python3-aiosmtpd) on 127.0.0.1, stopped on deinit.
final class SMTPSink {
    let process = Process()
    let input = Pipe()
    let port: Int
    let folder: TempFolder

    init(mode: String) throws {
        folder = try TempFolder()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/smtp_sink.py").path, mode, folder.url.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = input
        try process.run()
        port = try #require(firstLinePort(out), "SMTP sink did not start (is python3-aiosmtpd installed?)")
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    var messages: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? []).filter { $0.hasSuffix(".eml") }.sorted() }
}

/// `reputa report weekly --mail` through libcurl to a real SMTP server on the loopback.
@Suite(.serialized) struct MailTests {
    func config(_ temp: TempFolder, port: Int, starttls: Bool = false, timeout: String = "20s") throws -> String {
        try temp.write("sources.yml", """
        version: 1
        store: s.sqlite
        locations: [{id: milano, name: Milano}]
        report:
          lang: it
          out_dir: reports
          mail:
            url: smtp://127.0.0.1:\(port)
            starttls: \(starttls)
            from: "Reputa <reputa@example.com>"
            to: [marketing@example.com, "On Call <oncall@example.com>"]
            timeout: \(timeout)

        """)
    }

    func store(_ temp: TempFolder, _ config: String) throws {
        let csv = try temp.write("r.csv", ReportTests.hostileCSV)
        let out = try reputa(["import", "--config", config, "--kind", "csv", "--source", "tp",
                              "--map", "id=id,date=date,rating=rating,title=title,text=text,url=url,location=place", csv], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
    }

    /// Writes a config pointing at `sink`, stores the hostile reviews, runs `report weekly --mail`.
    func mailReport(_ sink: SMTPSink, _ temp: TempFolder, starttls: Bool = false, timeout: String = "20s") throws -> Outcome {
        let config = try config(temp, port: sink.port, starttls: starttls, timeout: timeout)
        try store(temp, config)
        return try reputa(["report", "weekly", "--config", config, "--week", "2026-W47", "--mail"], cwd: temp.url)
    }

    func keptReports(_ temp: TempFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: temp.path("reports"))) ?? []).filter { !$0.hasPrefix(".") }
    }

    @Test func theReportArrivesAsHTMLWithAPlainTextAlternative() throws {
        let sink = try SMTPSink(mode: "accept")
        let temp = try TempFolder()
        let out = try mailReport(sink, temp)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("mailed to 2 recipient(s) via smtp://127.0.0.1:\(sink.port)"))
        #expect(keptReports(temp).count == 1)
        let eml = try #require(sink.messages.first)
        let shown = try TempFolder()
        let parsed = try execute("/usr/bin/python3", [packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/mail_parse.py").path,
                                                      sink.folder.path(eml), shown.url.path])
        let mail = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any], "\(parsed.stderr)")
        // The headline figure in the subject: W47 holds h1 (1★) and h2 (2★): 1,50★ on 2 reviews.
        #expect(mail["subject"] as? String == "Report settimanale sulla reputazione 2026-W47 (16–22 nov 2026): 1,50★ su 2 recensioni")
        #expect(mail["type"] as? String == "multipart/alternative")
        #expect((mail["to"] as? String)?.contains("oncall@example.com") == true)
        #expect((mail["message_id"] as? String)?.hasSuffix("@example.com>") == true)
        // alternative → [text/plain, related → [text/html, image/png…]].
        let tree = try #require(mail["tree"] as? [String: Any])
        let branches = try #require(tree["parts"] as? [[String: Any]])
        #expect(branches.map { $0["type"] as? String } == ["text/plain", "multipart/related"])
        let relatedParts = try #require(branches.last?["parts"] as? [[String: Any]])
        let related: [String] = relatedParts.compactMap { $0["type"] as? String }
        #expect(related.first == "text/html" && related.count >= 3 && related.dropFirst().allSatisfy { $0 == "image/png" })
        let parts = try #require(mail["parts"] as? [[String: Any]])
        let html = try #require(parts.first { $0["type"] as? String == "text/html" }?["text"] as? String)
        #expect(html.contains("Content-Security-Policy") && html.contains("&lt;script&gt;") && !html.contains("<script"))
        #expect(!html.contains("<svg") && html.contains("img-src data: cid:"))
        // The inner boundary is not the outer one with a suffix (a parser matching `--outer` at a line's start would cut there).
        let raw = try String(contentsOfFile: sink.folder.path(eml), encoding: .utf8)
        let boundaries = raw.matches(of: /boundary="([^"]+)"/).map { String($0.1) }
        #expect(boundaries.count == 2 && !boundaries[1].hasPrefix(boundaries[0]) && !boundaries[0].hasPrefix(boundaries[1]), "\(boundaries)")
        // Every cid: the HTML names is a PNG part of the message, and every PNG part is named.
        let images = parts.filter { $0["type"] as? String == "image/png" }
        let named = Set(html.matches(of: /src="cid:([^"]+)"/).map { String($0.1) })
        #expect(named == Set(images.compactMap { $0["content_id"] as? String }) && named.count == images.count)
        #expect(images.allSatisfy { $0["png"] as? Bool == true && ($0["disposition"] as? String) == "inline" })
        for image in images {
            let stats = try execute("/usr/bin/python3", [packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/png_stats.py").path,
                                                         shown.path(try #require(image["filename"] as? String))])
            let s = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any], "\(stats.stderr)")
            #expect((s["colours"] as? Int ?? 0) > 2 && (s["nonwhite"] as? Double ?? 0) > 0.005, "\(image)")
        }
        // The plain part is for reading: the headline, short lines, no tables, no Markdown escapes.
        let text = try #require(parts.first { $0["type"] as? String == "text/plain" }?["text"] as? String)
        #expect(text.contains("16–22 nov 2026 (2026-W47): media 1,50★ su 2 recensioni."), "\(text)")
        #expect(!text.contains("|") && !text.contains("\\-") && !text.contains("##"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 || $0.hasPrefix("  http") }, "\(text)")
        // The HTML part as a mail client shows it, images resolved, in Chromium at phone and desktop width.
        let render = try execute("/usr/bin/python3", [packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/mail_render.py").path,
                                                      shown.url.path])
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(render.stdout.utf8)) as? [String: [String: Any]], "\(render.stderr)")
        for (name, view) in seen {
            let shownImages = try #require(view["images"] as? [[Any]])
            #expect(shownImages.count == images.count, "\(name)")
            for image in shownImages {
                #expect((image[0] as? String)?.hasPrefix("data:image/png") == true && image[1] as? Bool == true
                        && (image[2] as? Int ?? 0) > 0 && (image[3] as? Double ?? 0) > 100, "\(name): \(image)")
            }
            let overflow = try #require(view["overflow"] as? [Int])
            #expect(overflow[0] <= overflow[1], "\(name) scrolls sideways: \(overflow)")
        }
        let envelope = try String(contentsOfFile: sink.folder.path("1.json"), encoding: .utf8)
        #expect(envelope.contains("\"mail_from\": \"reputa@example.com\""))
        #expect(envelope.contains("\"marketing@example.com\", \"oncall@example.com\""))
    }

    /// `report.recipients`: each location's manager gets that location's report (Roma's in
    /// English, as configured), the company's report goes to `report.mail.to`, and each is kept.
    @Test func eachLocationsManagerGetsTheirLocationsReport() throws {
        let sink = try SMTPSink(mode: "accept")
        let temp = try TempFolder()
        let config = try temp.write("sources.yml", """
        version: 1
        store: s.sqlite
        locations: [{id: milano, name: Milano}, {id: roma, name: Roma}]
        report:
          lang: it
          out_dir: reports
          mail: {url: "smtp://127.0.0.1:\(sink.port)", starttls: false, from: "Reputa <reputa@example.com>", to: [director@example.com]}
          recipients:
            milano: ["Gestore Milano <milano@example.com>"]
            roma: {to: [roma@example.com], lang: en}

        """)
        // W47: milano 4★ and 2★ (mean 3), roma 5★ (one review).
        let csv = try temp.write("r.csv", """
        id,date,rating,text,place
        m1,2026-11-17T10:00:00Z,4,Buono,milano
        m2,2026-11-18T10:00:00Z,2,Lento,milano
        r1,2026-11-19T10:00:00Z,5,Ottimo,roma

        """)
        let imported = try reputa(["import", "--config", config, "--kind", "csv", "--source", "tp",
                                   "--map", "id=id,date=date,rating=rating,text=text,location=place", csv], cwd: temp.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = try reputa(["report", "weekly", "--config", config, "--week", "2026-W47", "--mail"], cwd: temp.url)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(sink.messages.count == 3)
        var seen: [String: (subject: String, text: String)] = [:]
        for eml in sink.messages {
            let parsed = try execute("/usr/bin/python3", [packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/mail_parse.py").path,
                                                          sink.folder.path(eml)])
            let mail = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any], "\(parsed.stderr)")
            let parts = try #require(mail["parts"] as? [[String: Any]])
            let text = try #require(parts.first { $0["type"] as? String == "text/plain" }?["text"] as? String)
            seen[try #require(mail["to"] as? String)] = (try #require(mail["subject"] as? String), text)
        }
        let company = try #require(seen["director@example.com"])
        #expect(company.subject == "Report settimanale sulla reputazione 2026-W47 (16–22 nov 2026): 3,67★ su 3 recensioni")
        let milano = try #require(seen["Gestore Milano <milano@example.com>"])
        #expect(milano.subject == "Report settimanale sulla reputazione 2026-W47 (16–22 nov 2026): 3,00★ su 2 recensioni")
        #expect(milano.text.contains("milano: 3,00 (1-5, n 2)") && !milano.text.contains("roma:"))
        let roma = try #require(seen["roma@example.com"])
        #expect(roma.subject == "Weekly reputation report 2026-W47 (16–22 Nov 2026): 5.00★ on 1 review")
        #expect(roma.text.contains("roma: 5.00 (1-5, n 1)") && !roma.text.contains("milano:"))
        let kept = keptReports(temp).map { $0.replacing(#/-\d{8}\.html/#, with: "") }.sorted()
        #expect(kept == ["weekly-2026-W47-it", "weekly-2026-W47-milano-it", "weekly-2026-W47-roma-en"], "\(kept)")
    }

    @Test func aRefusingServerIsAClearErrorAndTheReportIsKept() throws {
        let sink = try SMTPSink(mode: "refuse")
        let temp = try TempFolder()
        let out = try mailReport(sink, temp)
        #expect(out.status == 4, "\(out.stderr)")
        let line = try #require(out.stderrLines.last)
        #expect(line.hasPrefix("reputa: deliver mail: smtp://127.0.0.1:\(sink.port): "), "\(line)")
        #expect(line.contains("554"), "\(line)")
        #expect(keptReports(temp).count == 1)
        #expect(sink.messages.isEmpty)
    }

    @Test func aSilentServerTimesOutAndTheReportIsKept() throws {
        let sink = try SMTPSink(mode: "silent")
        let temp = try TempFolder()
        let started = Date()
        let out = try mailReport(sink, temp, timeout: "2s")
        #expect(out.status == 4, "\(out.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(out.stderrLines.last?.contains("deliver mail: smtp://127.0.0.1:\(sink.port): ") == true, "\(out.stderr)")
        #expect(out.stderr.lowercased().contains("timeout") || out.stderr.lowercased().contains("timed out"), "\(out.stderr)")
        #expect(keptReports(temp).count == 1)
    }

    @Test func starttlsIsRequiredUnlessTurnedOff() throws {
        // aiosmtpd here offers no STARTTLS: with the default (required) nothing is sent in clear.
        let sink = try SMTPSink(mode: "accept")
        let temp = try TempFolder()
        let out = try mailReport(sink, temp, starttls: true)
        #expect(out.status == 4, "\(out.stderr)")
        #expect(sink.messages.isEmpty)
        #expect(keptReports(temp).count == 1)
    }

    @Test func mailWithoutSettingsIsAUsageError() throws {
        let temp = try TempFolder()
        let config = try temp.write("sources.yml", "version: 1\n")
        let out = try reputa(["report", "weekly", "--config", config, "--store", temp.path("s.sqlite"), "--mail"], cwd: temp.url)
        #expect(out.status == 64)
        #expect(out.stderr.contains("--mail needs report.mail"))
    }
}
