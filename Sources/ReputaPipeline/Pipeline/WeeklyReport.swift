import Foundation
import ReputaAnalysis
import ReputaCore
import ReputaOutput
import ReputaStore

/// The weekly report: built from the store, rendered in one format, written atomically, kept
/// as a dated copy, mailed. Shared by `report weekly` and `run`.
package struct WeeklyReport {
    var document: ReportDocument
    var language: ReportLanguage

    package static func build(store: any SQLStore, config: Configuration?, request: CompareRequest, language: ReportLanguage,
                      now: Timestamp) throws -> WeeklyReport {
        let inputs = try ComparisonLoader.inputs(store: store, config: config, request: request)
        guard let comparison = Comparer.compare(inputs, request) else {
            throw StoreError(place: request.week, message: "not an ISO week")
        }
        let week = try store.reviews(inWeek: request.week).map(\.review).filter { request.includes(location: $0.location) }
        return WeeklyReport(document: ReportDocument(comparison: comparison, notable: NotableReview.pick(week),
                                                     lang: language.code, generatedAt: now),
                            language: language)
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
                throw StoreError(place: document.week, message: "cannot encode the report as JSON (\(error))")
            }
        }
    }

    /// Writes through a temporary file in the same folder and a rename, so a reader never sees
    /// half a report and a failed write leaves the old file.
    package static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
            try Data(text.utf8).write(to: temp)
            if rename(temp.path, url.path) != 0 {
                try? FileManager.default.removeItem(at: temp)
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw StoreError(place: path, message: "cannot write the report (\(error.localizedDescription))")
        }
    }

    /// `DIR/weekly-2026-W47-20261124.html`: the week and the day it was written.
    package static func keep(_ text: String, in dir: String, week: String, format: OutputFormat, now: Timestamp) throws -> String {
        let day = String(now.utcISO.prefix(10)).replacingOccurrences(of: "-", with: "")
        let ext = format == .table ? "html" : format.rawValue
        let path = (dir as NSString).appendingPathComponent("weekly-\(week)-\(day).\(ext)")
        try write(text, to: path)
        return path
    }

    package static func send(_ report: WeeklyReport, settings: MailSettings, config: Configuration?) throws {
        let lang = report.language
        let message = MailMessage(from: settings.from, to: settings.to,
                                  subject: lang.t("Weekly reputation report") + " " + report.document.week,
                                  text: try report.render(.md), html: try report.render(.html))
        try settings.mailer(caBundle: config?.http.caBundle).send(message)
    }
}
