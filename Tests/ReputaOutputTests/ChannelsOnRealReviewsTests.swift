import Foundation
import ReputaCore
import ReputaIngest
import ReputaOutput
import Testing

/// Every channel kind's messages on real complaints written by others (../shared/data, read in
/// place, never copied): 1–2★ reviews in Italian, English, French, German and Spanish, as single
/// alerts, digests and summaries. Each message must be well formed and carry the review's text
/// the way its kind promises: exactly (generic webhook), escaped (Slack, MessageCard), only in
/// plain-text runs (Adaptive Card), and in a mail whose headers no text can break.
@Suite struct ChannelsOnRealReviewsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/labelled-reviews").standardized
    static let files = ["it-googleplay-covidapps", "it-amazon-scraped", "en-googleplay-covidapps", "en-amazon-mdsd",
                        "fr-tripadvisor-lyon", "fr-googleplay-covidapps", "de-googleplay-covidapps", "es-tripadvisor-mx-restaurants"]

    /// The first `limit` reviews rated 1 or 2 of a file, as flags.
    static func complaints(_ file: String, limit: Int = 150) throws -> [FlaggedReview] {
        let path = folder.appendingPathComponent(file + ".csv").path
        var reader = try CSVReader(UTF8Stream(try ByteInput(path: path)), delimiter: UInt8(ascii: ","))
        _ = try reader.next() // id,lang,source,rating,scale_max,title,text
        var out: [FlaggedReview] = []
        while out.count < limit, let record = try reader.next() {
            let f = record.fields
            guard f.count == 7, let rating = Double(f[3]), rating >= 1, rating <= 2 else { continue }
            let id = Int64(out.count + 1)
            let review = Review(source: f[2], portal: "csv", externalID: f[0], location: "milano",
                                rating: Rating(value: rating, scale: .fiveStars), title: f[5], text: f[6], language: f[1],
                                createdAt: Timestamp(epochSeconds: 1_763_740_800), url: "https://example.com/r/\(id)")
            out.append(FlaggedReview(id: id, review: review, revision: 1,
                                     decision: FlagDecision(priority: 60, level: .high, reasons: ["rated \(f[3]) on 1-5"],
                                                            channels: ["ops"]),
                                     flaggedAt: Timestamp(epochSeconds: 1_763_741_000),
                                     dueAt: Timestamp(epochSeconds: 1_763_755_200), status: .open))
        }
        return out
    }

    func elements(_ value: Any) -> [[String: Any]] {
        if let object = value as? [String: Any] { return [object] + object.values.flatMap(elements) }
        if let array = value as? [Any] { return array.flatMap(elements) }
        return []
    }

    @Test(arguments: files) func everyKindCarriesRealComplaintsSafely(file: String) throws {
        let flags = try Self.complaints(file)
        #expect(flags.count >= 100, "\(file): \(flags.count) complaints")
        let context = AlertContext(deliveryID: "reputa-alert-1", now: Timestamp(epochSeconds: 1_763_741_100), zone: "Europe/Rome",
                                   from: "Reputa <reputa@example.com>", to: ["On Call <oncall@example.com>"])
        let contents = flags.map { AlertContent.single($0) } + [.digest(Array(flags.prefix(12))), .summary(flags, maxAge: 604_800)]
        for content in contents {
            for kind in ChannelKind.allCases {
                switch kind.format.message(content, context) {
                case let .json(data):
                    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file) \(kind)")
                    check(object, kind: kind, content: content, file: file)
                case let .mail(mail):
                    // One line per header: no text a review wrote can add one.
                    let head = String(decoding: mail.bytes(), as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
                    for line in head.components(separatedBy: "\r\n") {
                        #expect(line.hasPrefix(" ") || line.range(of: #"^[A-Za-z-]+: "#, options: .regularExpression) != nil,
                                "\(file): header line \(line.prefix(80))")
                    }
                    #expect(!mail.html.contains("<script") && mail.subject.hasPrefix("[Reputa] "))
                }
            }
        }
    }

    func check(_ object: [String: Any], kind: ChannelKind, content: AlertContent, file: String) {
        switch kind {
        case .webhook:
            if case let .single(f) = content { #expect(object["text"] as? String == f.review.text, "\(file) \(f.review.externalID)") }
        case .slack:
            let text = object["text"] as? String ?? ""
            // Only Reputa's own links and quote marks use < >; a review's are entities.
            let raw = text.replacingOccurrences(of: #"<https://example\.com/r/\d+\|open the review>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"(?m)^> "#, with: "", options: .regularExpression)
            #expect(!raw.contains("<") && !raw.contains(">"), "\(file): \(raw.prefix(200))")
            #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || $0.value == 0x1B })
        case .teams:
            let all = elements(object)
            let blocks = all.filter { $0["type"] as? String == "TextBlock" }.compactMap { $0["text"] as? String }
            #expect(blocks.allSatisfy { $0.range(of: #"^\[Open the review\]\(https://example\.com/r/\d+\)$"#, options: .regularExpression) != nil },
                    "\(file): \(blocks.prefix(2))")
            if case let .single(f) = content {
                let runs = all.filter { $0["type"] as? String == "TextRun" }.compactMap { $0["text"] as? String }
                let excerpt = AlertText.excerpt(f.review.text)
                #expect(runs.contains { $0 == AlertText.adaptive(excerpt) }, "\(file) \(f.review.externalID)")
            }
        case .teamsMessageCard:
            let text = String(describing: object["sections"] ?? "")
            #expect(!text.contains("](http") || text.contains("[Open the review](https://example.com/r/"), "\(file)")
        case .email:
            Issue.record("e-mail made JSON")
        }
    }
}
