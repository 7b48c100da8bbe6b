import Foundation
import ReputaAnalysis
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaNet
import ReputaOutput
import ReputaStore

/// The weekly report: built from the store, rendered in one format, written atomically, kept
/// as a dated copy, mailed. Shared by `report weekly` and `run`.
package struct WeeklyReport {
    var document: ReportDocument
    var language: ReportLanguage
    /// The one location the report is about; nil: every location.
    var location: String?

    package static func build(store: any SQLStore, config: Configuration?, request: CompareRequest, language: ReportLanguage,
                      now: Timestamp) throws -> WeeklyReport {
        let inputs = try ComparisonLoader.inputs(store: store, config: config, request: request)
        guard let comparison = Comparer.compare(inputs, request) else {
            throw StoreError(place: request.week, message: "not an ISO week")
        }
        let week = try store.reviews(inWeek: request.week).map(\.review).filter { request.includes(location: $0.location) }
        // The report's review sources (not the survey or helpdesk files, not other locations') that
        // had gone quiet by the end of the report's week, or by now for the current week.
        let at = request.epochWindow.map { Timestamp(epochSeconds: min(now.epochSeconds, $0.before)) } ?? now
        let quiet = try config.map { config in
            try SourceFreshness.reviewSources(config, store: store, now: at, location: request.includes(location:))
                .filter { $0.status != .ok }.map(ReportDocument.QuietSource.init)
        } ?? []
        let topicNames = Dictionary((config?.flags.topics ?? Topics.defaults).map {
            ($0.id, ReasonWords.name(id: $0.id, configured: $0.name, lang: language.code))
        }, uniquingKeysWith: { a, _ in a })
        return WeeklyReport(document: ReportDocument(comparison: comparison, notable: NotableReview.pick(week),
                                                     lang: language.code, generatedAt: now, quietSources: quiet,
                                                     complaints: try complaints(store: store, request: request, now: now),
                                                     timezone: config?.timezone ?? "UTC", topicNames: topicNames),
                            language: language, location: request.location)
    }

    /// The week's flags (on reviews of ours created in the week, at the report's locations) and
    /// every unresolved one, summed up for the headline as of `now`.
    static func complaints(store: any SQLStore, request: CompareRequest, now: Timestamp) throws -> ComplaintSummary {
        var query = FlagQuery()
        if let location = request.location { query.locations = [location] }
        let flags = try store.flags(query).filter { $0.review.competitor.isEmpty }
        let week = flags.filter { f in
            f.review.createdAt.map { Period.week.label(of: Day($0, in: request.zone)) == request.week } ?? false
        }
        return ComplaintSummary(week: week, open: flags.filter { $0.status != .resolved }, now: now)
    }

    package func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .html, .table: return HTMLReport.render(document, language)
        case .md: return MarkdownReport.render(document, language)
        case .csv: return Renderer.render(ComparisonTables.long(document.comparison), as: .csv)
        case .json:
            do {
                return try document.json()
            } catch {
                throw ReportError(place: document.week, message: "cannot encode the report as JSON (\(error))")
            }
        }
    }

    /// Writes through a temporary file in the same folder and a rename, so a reader never sees
    /// half a report and a failed write (a full disk) leaves the old file and no temporary one.
    package static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try writeSynced(Array(text.utf8), to: temp.path)
            guard rename(temp.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw ReportError(place: path, message: "cannot write the report: \(ReportError.reason(error))")
        }
    }

    /// The bytes written and synced with plain POSIX calls, so a failure keeps the system's own
    /// reason (ENOSPC, EFBIG, EDQUOT), which Foundation's `Data.write` reduces to a generic one.
    static func writeSynced(_ bytes: [UInt8], to path: String) throws {
        func failure() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure() }
        defer { close(fd) }
        var done = 0
        try bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw failure() }
                done += n
            }
        }
        guard fsync(fd) == 0 else { throw failure() }
    }

    /// `DIR/weekly-2026-W47-it-20261124.html`: the week, the language and the day it was written
    /// (an Italian copy made the same day no longer replaces the English one); one location's
    /// report carries its id (`weekly-2026-W47-milano-it-20261124.html`).
    package func keep(_ text: String, in dir: String, format: OutputFormat, now: Timestamp) throws -> String {
        let day = String(now.utcISO.prefix(10)).replacingOccurrences(of: "-", with: "")
        let ext = format == .table ? "html" : format.rawValue
        let place = location.map { "-" + $0.filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } } ?? ""
        let path = (dir as NSString).appendingPathComponent("weekly-\(document.week)\(place)-\(language.code)-\(day).\(ext)")
        try Self.write(text, to: path)
        return path
    }

    /// Who gets which report when it is mailed: the report asked for goes to `report.mail.to`
    /// (one location's, to that location's own recipients when it has them); with the whole
    /// company's report, each location of `report.recipients` gets its own, in its language.
    package static func mailings(location: String?, settings: ReportSettings) -> [(location: String?, to: [String], lang: String?)] {
        guard let mail = settings.mail else { return [] }
        if let location {
            let own = settings.recipients.first { $0.location == location }
            return [(location, own?.to ?? mail.to, own?.lang)]
        }
        return [(nil, mail.to, nil)] + settings.recipients.map { ($0.location, $0.to, $0.lang) }
    }

    /// Sends `report` and every location's own (`mailings`), keeping a dated copy of each extra
    /// one in `dir`. One location's failure (a refused recipient, a report that cannot be built
    /// or kept) does not stop the others: the lines to print and the failures come back.
    package static func mailAll(_ report: WeeklyReport, store: any SQLStore, config: Configuration, request: CompareRequest,
                                now: Timestamp, keepIn dir: String, format: OutputFormat) -> (lines: [String], failures: [any ReputaError]) {
        guard let mail = config.report.mail else { return ([], []) }
        var lines: [String] = [], failures: [any ReputaError] = []
        for m in mailings(location: request.location, settings: config.report) {
            do {
                let language = m.lang.flatMap(ReportLanguage.named) ?? report.language
                var one = report
                if m.location != request.location || language.code != report.language.code {
                    var own = request
                    own.location = m.location
                    one = try build(store: store, config: config, request: own, language: language, now: now)
                    lines.append("report written to " + (try one.keep(try one.render(format), in: dir, format: format, now: now)))
                }
                var settings = mail
                settings.to = m.to
                lines += try send(one, settings: settings, config: config)
                lines.append("report\(m.location.map { " for " + $0 } ?? "") mailed to \(m.to.count) recipient(s) via \(SMTPMailer(url: mail.url).server)")
            } catch let error as any ReputaError {
                failures.append(error)
            } catch {
                failures.append(ReportError(place: m.location ?? "report", message: "\(error)"))
            }
        }
        return (lines, failures)
    }

    /// Mails the report: the plain text for reading, the HTML with its charts as PNG images in
    /// a multipart/related (inline SVG when they cannot be drawn, with a warning in the
    /// returned lines), the headline figure in the subject.
    package static func send(_ report: WeeklyReport, settings: MailSettings, config: Configuration?) throws -> [String] {
        let lang = report.language
        let mail = MailReport.html(report.document, lang, token: String(UUID().uuidString.lowercased().prefix(8)))
        var html = mail.html, inline: [InlineImage] = [], warnings: [String] = []
        do {
            inline = try mail.charts.enumerated().map { i, chart in
                InlineImage(contentID: chart.contentID, filename: "chart\(i + 1).png", data: try ChartRaster.png(svg: chart.svg))
            }
        } catch {
            html = HTMLReport.render(report.document, lang)
            warnings.append("report: mail: charts sent as inline SVG (some mail clients do not show them): \(error)")
        }
        let message = MailMessage(from: settings.from, to: settings.to, subject: MailReport.subject(report.document, lang),
                                  text: PlainReport.render(report.document, lang), html: html, inline: inline)
        try settings.mailer(caBundle: config?.http.caBundle).send(message)
        return warnings
    }
}
