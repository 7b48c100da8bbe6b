import Foundation
@testable import ReputaConfig
@testable import ReputaPipeline
import ReputaCore
import Testing

/// The parser-thread / store-thread hand-off: order, errors from either side, bounded memory.
struct HandOffTests {
    /// Records what reaches the storing side, in order; can be told to fail at review N.
    final class Recorder: ReviewSink {
        var events: [String] = []
        var failAt: Int?
        var reviews = 0

        func add(_ review: Review) throws {
            reviews += 1
            if reviews == failAt { throw StoreFailure() }
            events.append("r:" + review.externalID)
        }

        func skip(_ problem: RowProblem) { events.append("s:" + problem.place) }
        func warn(_ problem: RowProblem) { events.append("w:" + problem.place) }
    }

    struct StoreFailure: Error {}
    struct ParseFailure: Error {}

    static func review(_ n: Int) -> Review { Review(source: "s", portal: "p", externalID: "\(n)") }

    @Test func everythingArrivesInOrderWithThePageFacts() throws {
        let recorder = Recorder()
        let page = try HandOff.run(into: recorder) { sink in
            for n in 0..<1000 {
                if n % 100 == 7 { sink.skip(RowProblem(place: "line \(n)", message: "bad")) }
                if n % 250 == 3 { sink.warn(RowProblem(place: "entry \(n)", message: "no date")) }
                try sink.add(Self.review(n))
            }
            return PageInfo(nextPage: "page2", portalTotal: 1234)
        }
        var expected: [String] = []
        for n in 0..<1000 {
            if n % 100 == 7 { expected.append("s:line \(n)") }
            if n % 250 == 3 { expected.append("w:entry \(n)") }
            expected.append("r:\(n)")
        }
        #expect(recorder.events == expected)
        #expect(page == PageInfo(nextPage: "page2", portalTotal: 1234))
    }

    @Test func aParseErrorReachesTheCallerAfterWhatWasReadBeforeIt() {
        let recorder = Recorder()
        #expect(throws: ParseFailure.self) {
            _ = try HandOff.run(into: recorder) { sink in
                for n in 0..<10 { try sink.add(Self.review(n)) }
                throw ParseFailure()
            }
        }
        // The caller's transaction rolls back on the error; what it saw before is irrelevant,
        // but nothing may arrive out of order.
        #expect(recorder.events == (0..<recorder.events.count).map { "r:\($0)" })
    }

    @Test func aStoreErrorStopsTheParserInsteadOfLettingItRunOn() {
        let recorder = Recorder()
        recorder.failAt = 300
        let produced = Counter()
        #expect(throws: StoreFailure.self) {
            _ = try HandOff.run(into: recorder) { sink in
                for n in 0..<1_000_000 {
                    try sink.add(Self.review(n))
                    produced.increment()
                }
                return PageInfo()
            }
        }
        // The parser is stopped by the full queue, never more than the queue's capacity and
        // one batch ahead of the failing review.
        #expect(produced.value < 300 + (HandOff.depth + 2) * HandOff.batchSize)
    }

    @Test func theParserWaitsWhileTheQueueIsFull() throws {
        let recorder = SlowRecorder()
        let ahead = Counter()
        _ = try HandOff.run(into: recorder) { sink in
            for n in 0..<5000 {
                try sink.add(Self.review(n))
                ahead.record(produced: n + 1, consumed: recorder.count)
            }
            return PageInfo()
        }
        #expect(recorder.count == 5000)
        #expect(ahead.maxLead <= (HandOff.depth + 2) * HandOff.batchSize)
    }

    final class SlowRecorder: ReviewSink, @unchecked Sendable {
        let lock = NSLock()
        var stored = 0
        var count: Int { lock.lock(); defer { lock.unlock() }; return stored }
        func add(_ review: Review) throws {
            if Int(review.externalID)! % 64 == 0 { usleep(200) }
            lock.lock(); stored += 1; lock.unlock()
        }
        func skip(_ problem: RowProblem) {}
        func warn(_ problem: RowProblem) {}
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var value = 0
        var maxLead = 0
        func increment() { lock.lock(); value += 1; lock.unlock() }
        func record(produced: Int, consumed: Int) {
            lock.lock(); maxLead = max(maxLead, produced - consumed); lock.unlock()
        }
    }
}
