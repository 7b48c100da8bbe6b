import Foundation
import ReputaCore

/// Survey exports with one column per question: Qualtrics (three header rows: export tags,
/// question texts, `{"ImportId":…}`; or the legacy `V1…` header with a question-text row and a
/// BOM), Typeform (`#`, `Submit Date (UTC)`) and SurveyMonkey (`Respondent ID`, `End Date`,
/// a second header row of sub-answers). The questions to read, each with its metric and
/// scale, come from the config or `--question`; no column is read as a score unless declared.
public struct WideSurveyImporter: InternalImporter {
    public static let fields = ["response_id", "submitted_at", "comment"]

    /// How one tool names its id and date columns and what its extra header rows look like.
    public struct Flavor: Sendable {
        var name: String
        var idColumns: [String]
        var dateColumns: [String]
        /// The zone the tool writes dates in, when it is fixed (Typeform: UTC).
        var zone: String?
        var monthFirst = false

        public static let qualtrics = Flavor(name: "Qualtrics", idColumns: ["ResponseId", "ResponseID", "V1"],
                                             dateColumns: ["RecordedDate", "EndDate", "V9"])
        public static let typeform = Flavor(name: "Typeform", idColumns: ["#"], dateColumns: ["Submit Date (UTC)"], zone: "UTC")
        public static let surveyMonkey = Flavor(name: "SurveyMonkey", idColumns: ["Respondent ID"], dateColumns: ["End Date"],
                                                monthFirst: true)
    }

    /// Qualtrics response statuses that are not real responses (text and numeric exports).
    static let notResponses: Set<String> = ["survey preview", "survey test", "spam", "1", "2", "8", "16"]

    public var flavors: [Flavor]

    public init(flavors: [Flavor]) { self.flavors = flavors }

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> InternalBatch {
        let table = try CSVTable(bytes, source: source, origin: origin)
        let spec = source.records ?? RecordSpec()
        func fail(_ message: String) -> ParseError { ParseError(source: source.name, place: "\(origin):1", message: message) }
        let flavor = flavors.first { f in table.index(ofAny: f.idColumns) != nil && table.index(ofAny: f.dateColumns) != nil }
            ?? flavors[0]
        let idIndex = try source.mapping["response_id"].map { try table.require($0, for: "response_id", hint: "") }
            ?? table.index(ofAny: flavor.idColumns)
        let dateIndex = try source.mapping["submitted_at"].map { try table.require($0, for: "submitted_at", hint: "") }
            ?? table.index(ofAny: flavor.dateColumns)
        guard let idIndex else {
            throw fail("no response id column (\(flavor.name): \(flavor.idColumns.joined(separator: " or "))); map one with --map response_id=Column; columns found: \(table.found)")
        }
        guard let dateIndex else {
            throw fail("no date column (\(flavor.name): \(flavor.dateColumns.joined(separator: " or "))); map one with --map submitted_at=Column; columns found: \(table.found)")
        }
        guard !spec.questions.isEmpty else {
            throw fail("no questions declared: say which columns are scores, e.g. --question Q1=nps:0-10 (columns found: \(table.found))")
        }
        let questions = try spec.questions.map { q in (q, try table.require(q.column, for: "\(q.metric.rawValue) question", hint: "")) }
        let commentIndex = try source.mapping["comment"].map { try table.require($0, for: "comment", hint: "") }
        let statusIndex = flavor.name == "Qualtrics" ? table.index(ofAny: ["Status", "V7"]) : nil
        let segments = try table.segmentIndexes(spec.segments)
        var zone = TimeZone(identifier: flavor.zone ?? source.timezone) ?? .gmt
        var collector = AnswerCollector(source: source, origin: origin)
        collector.batch.skipped = table.refused
        var dataSeen = false
        for row in table.rows {
            let place = table.place(row)
            let id = CSVTable.cell(row, idIndex)
            if !dataSeen, Self.isHeaderRow(id: id, row: row, dateIndex: dateIndex) {
                // Qualtrics' ImportId row says which zone its dates are in.
                if let z = Self.importIDZone(CSVTable.cell(row, dateIndex)) { zone = z }
                continue
            }
            dataSeen = true
            guard !id.isEmpty else { collector.skip(place, "no response id"); continue }
            if let statusIndex, Self.notResponses.contains(CSVTable.cell(row, statusIndex).lowercased()) {
                collector.skip(place, "response \(id): status \"\(CSVTable.cell(row, statusIndex))\" is not a real response")
                continue
            }
            let at: Timestamp
            do {
                guard let t = try RecordCells.date(CSVTable.cell(row, dateIndex), field: table.columns[dateIndex], zone: zone,
                                                   monthFirst: flavor.monthFirst) else {
                    collector.skip(place, "response \(id): no \(table.columns[dateIndex]) (a partial response)"); continue
                }
                at = t
            } catch let error as RecordCells.RowFailure {
                collector.skip(place, "response \(id): \(error.message)"); continue
            }
            let rowSegments = RecordCells.segments(row, segments, source: source)
            let comment = CSVTable.cell(row, commentIndex)
            for (q, i) in questions {
                collector.add(responseID: id, question: q.column, metric: q.metric, scale: q.scale,
                              rawScore: CSVTable.cell(row, i), at: at, comment: comment, segments: rowSegments,
                              place: place, blankIsProblem: false)
            }
        }
        if !dataSeen { throw fail("no responses: the file has header rows only") }
        return try collector.finish()
    }

    /// The header rows after the first: Qualtrics' question texts (`Response ID` under
    /// `ResponseId`) and ImportIds (`{"ImportId":"_recordId"}`), SurveyMonkey's sub-answer
    /// row (no respondent id, no date).
    static func isHeaderRow(id: String, row: CSVReader.Record, dateIndex: Int) -> Bool {
        let compact = id.replacingOccurrences(of: " ", with: "").lowercased()
        if compact == "responseid" || id.hasPrefix("{") { return true }
        let date = CSVTable.cell(row, dateIndex)
        return id.isEmpty && (date.isEmpty || DateText.parse(date, zone: .gmt) == nil)
    }

    /// `{"ImportId":"recordedDate","timeZone":"America/Denver"}` → that zone.
    static func importIDZone(_ cell: String) -> TimeZone? {
        guard cell.hasPrefix("{"), let data = cell.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let name = object["timeZone"] as? String else { return nil }
        return TimeZone(identifier: name)
    }
}
