import Foundation
import ReputaCore
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// Survey answers and tickets written in chunks of 500 (one lookup, one multi-row insert), on
/// both engines: counts, order within a payload and values as read back.
@Suite struct InternalRecordsTests {
    let source = SourceDescriptor(name: "survey", kind: "survey-csv")

    func answer(_ id: Int, score: Double, question: String = "q") -> SurveyAnswer {
        SurveyAnswer(responseID: "r\(id)", question: question, metric: .nps, scale: .nps, score: score,
                     submittedAt: Timestamp(epochSeconds: 1_790_000_000 + Int64(id) * 60), segments: ["store": "s\(id % 3)"])
    }

    func importBatch(_ store: any SQLStore, _ scratch: Scratch, _ batch: InternalBatch, payload: String) throws -> ImportCounts {
        let bytes = Array(payload.utf8)
        let snapshot = try scratch.archive.store(bytes, sha256: SHA256.hex(bytes), source: source.name, originalName: "s.csv",
                                                 capturedAt: Timestamp(epochSeconds: 1_800_000_000))
        return try store.importInternal(batch, snapshot: snapshot, origin: "s.csv", descriptor: source,
                                        importedAt: Timestamp(epochSeconds: 1_800_000_000))
    }

    @Test(arguments: Engine.allCases) func rowsAcrossChunksAreCountedOnceAndRepeatsWrittenInOrder(engine: Engine) throws {
        let scratch = try Scratch(engine)
        let store = scratch.store
        // 1 200 answers (three chunks), r7 twice (the later score wins, counted as an update),
        // r7 also under a second question (another key), and two tickets.
        var first = InternalBatch()
        first.answers = (0..<1200).map { answer($0, score: Double($0 % 11)) }
        first.answers.insert(answer(7, score: 10), at: 900)
        first.answers.append(answer(7, score: 3, question: "q2"))
        first.tickets = [Ticket(id: "t1", createdAt: Timestamp(epochSeconds: 1_790_000_000), firstReply: Elapsed(calendar: 12.5),
                                solved: true, reopens: 1),
                         Ticket(id: "t2", createdAt: Timestamp(epochSeconds: 1_790_000_100), solved: false)]
        let counts = try importBatch(store, scratch, first, payload: "first")
        #expect(counts.new == 1200 + 1 + 2 && counts.updated == 1 && counts.unchanged == 0)
        var held = try store.surveyAnswers()
        #expect(held.count == 1201)
        #expect(held.first { $0.responseID == "r7" && $0.question == "q" }?.score == 10)
        #expect(held.first { $0.responseID == "r1199" }?.segments == ["store": "s2"])
        let tickets = try store.tickets()
        #expect(tickets.map(\.id) == ["t1", "t2"] && tickets[0].firstReply.calendar == 12.5 && tickets[0].reopens == 1)
        #expect(tickets[1].firstReply.calendar == nil && tickets[1].solved == false)

        // A later export: 600 answers again, 50 of them changed, 10 new.
        var second = InternalBatch()
        second.answers = (0..<600).map { answer($0, score: $0 < 50 ? 0.5 : Double($0 % 11)) } + (2000..<2010).map { answer($0, score: 9) }
        second.answers[7] = answer(7, score: 10) // r7 as the first export left it
        let again = try importBatch(store, scratch, second, payload: "second")
        #expect(again.new == 10 && again.updated == 49 && again.unchanged == 551)
        held = try store.surveyAnswers()
        #expect(held.count == 1211)
        #expect(held.filter { $0.score == 0.5 }.count == 49)
        #expect(held.first { $0.responseID == "r7" && $0.question == "q" }?.score == 10)
    }
}
