import Foundation
import ReputaCore

/// A generic survey export, one score per row, read through a column mapping
/// (`response_id=…,submitted_at=…,score=…`). The metric and the scale are declared for the
/// file (`--metric nps --scale 0-10`) or given per row by mapped `metric` / `scale` columns;
/// without either the file is refused, never guessed.
public struct SurveyCSVImporter: InternalImporter {
    public static let fields = ["response_id", "submitted_at", "question", "metric", "score", "scale", "comment"]

    /// Header names recognized without a mapping (lower-cased).
    static let aliases: [String: [String]] = [
        "response_id": ["response_id", "response id", "responseid", "id"],
        "submitted_at": ["submitted_at", "submitted at", "submitted", "date", "created_at", "recorded date"],
        "question": ["question"],
        "metric": ["metric", "survey_type"],
        "score": ["score", "answer", "rating"],
        "scale": ["scale"],
        "comment": ["comment", "feedback", "verbatim"],
    ]

    public init() {}

    public func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> InternalBatch {
        let table = try CSVTable(bytes, source: source, origin: origin)
        let spec = source.records ?? RecordSpec()
        let index = try table.fieldIndex(Self.fields, aliases: Self.aliases, mapping: source.mapping,
                                         required: ["response_id", "submitted_at", "score"])
        if spec.metric == nil, index["metric"] == nil {
            throw ParseError(source: source.name, place: origin,
                             message: "no metric declared: give --metric csat|nps|ces|css or map a metric column")
        }
        if spec.scale == nil, index["scale"] == nil {
            throw ParseError(source: source.name, place: origin,
                             message: "no scale declared: give --scale (e.g. 1-5, 0-10) or map a scale column; Reputa never guesses a scale")
        }
        let segments = try table.segmentIndexes(spec.segments)
        let zone = RecordCells.zone(source)
        var collector = AnswerCollector(source: source, origin: origin)
        collector.batch.skipped = table.refused
        for row in table.rows {
            let place = table.place(row)
            func cell(_ field: String) -> String { CSVTable.cell(row, index[field]) }
            let id = cell("response_id")
            guard !id.isEmpty else { collector.skip(place, "no response id"); continue }
            var metric = spec.metric
            if let i = index["metric"] {
                let raw = CSVTable.cell(row, i).lowercased()
                guard let m = SurveyMetric(rawValue: raw) else {
                    collector.skip(place, "response \(id): metric \"\(raw)\" is not csat, nps, ces or css"); continue
                }
                metric = m
            }
            var scale = spec.scale
            if let i = index["scale"] {
                let raw = CSVTable.cell(row, i)
                guard let s = SurveyScale(parsing: raw) else {
                    collector.skip(place, "response \(id): scale \"\(raw)\" is not like 1-5 or 0-10"); continue
                }
                scale = s
            }
            guard let metric, let scale else { continue }
            let at: Timestamp
            do {
                guard let t = try RecordCells.date(cell("submitted_at"), field: "submitted_at", zone: zone) else {
                    collector.skip(place, "response \(id): no submitted_at time"); continue
                }
                at = t
            } catch let error as RecordCells.RowFailure {
                collector.skip(place, "response \(id): \(error.message)"); continue
            }
            let question = cell("question").isEmpty ? metric.rawValue : cell("question")
            collector.add(responseID: id, question: question, metric: metric, scale: scale, rawScore: cell("score"), at: at,
                          comment: cell("comment"), segments: RecordCells.segments(row, segments, source: source),
                          place: place, blankIsProblem: true)
        }
        if table.rows.isEmpty, table.refused.isEmpty { throw ParseError(source: source.name, place: "\(origin):1", message: "no responses: the file has a header only") }
        return try collector.finish()
    }
}
