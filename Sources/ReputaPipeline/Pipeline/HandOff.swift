import Foundation
import ReputaConfig
import ReputaCore

/// Parse and store side by side: the parser runs on its own thread and hands reviews over in
/// batches through a small bounded queue, while the calling thread (the one holding the write
/// transaction) stores them. On this 2-core machine an import then takes about as long as its
/// slower half instead of the sum of both (`make bench`, issue 3). Order is kept; at most
/// `depth × batchSize` reviews wait in memory; an error on either side stops both, and the
/// first error is the one thrown.
enum HandOff {
    static let batchSize = 256
    static let depth = 8

    /// Runs `produce` on a new thread with a sink whose every review, skipped row and warning
    /// reaches `sink` on this thread, in order. Returns what `produce` returned.
    static func run(into sink: any ReviewSink, produce: @escaping @Sendable (any ReviewSink) throws -> PageInfo) throws -> PageInfo {
        let channel = Channel()
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        let thread = Thread {
            do {
                result.page = try produce(channel)
                try channel.flush()
            } catch {
                result.error = error
            }
            channel.finish()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let batch = channel.take() {
                for item in batch {
                    switch item {
                    case let .review(review): try sink.add(review)
                    case let .skip(problem): sink.skip(problem)
                    case let .warn(problem): sink.warn(problem)
                    }
                }
            }
        } catch {
            channel.cancel()
            done.wait()
            throw error
        }
        done.wait()
        if let error = result.error { throw error }
        return result.page ?? PageInfo()
    }

    enum Item {
        case review(Review)
        case skip(RowProblem)
        case warn(RowProblem)
    }

    /// The parser's sink: fills a batch, then waits for room in the queue.
    final class Channel: ReviewSink, @unchecked Sendable {
        let condition = NSCondition()
        var queue: [[Item]] = []
        var finished = false
        var cancelled = false
        /// Producer side only.
        var batch: [Item] = []

        struct Cancelled: Error {}

        func add(_ review: Review) throws {
            batch.append(.review(review))
            if batch.count >= HandOff.batchSize { try flush() }
        }

        // A file of nothing but bad rows must not pile up either; once cancelled, the next
        // `add` stops the parser.
        func skip(_ problem: RowProblem) {
            batch.append(.skip(problem))
            if batch.count >= HandOff.batchSize { try? flush() }
        }

        func warn(_ problem: RowProblem) {
            batch.append(.warn(problem))
            if batch.count >= HandOff.batchSize { try? flush() }
        }

        func flush() throws {
            guard !batch.isEmpty else { return }
            condition.lock()
            defer { condition.unlock() }
            while queue.count >= HandOff.depth, !cancelled { condition.wait() }
            if cancelled {
                batch.removeAll() // nobody will read it: the import is being rolled back
                throw Cancelled()
            }
            queue.append(batch)
            batch = []
            batch.reserveCapacity(HandOff.batchSize)
            condition.broadcast()
        }

        func finish() {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        /// The next batch, or nil once the producer has finished and the queue is empty.
        func take() -> [Item]? {
            condition.lock()
            defer { condition.unlock() }
            while queue.isEmpty, !finished { condition.wait() }
            guard !queue.isEmpty else { return nil }
            let next = queue.removeFirst()
            condition.broadcast()
            return next
        }
    }

    final class ResultBox: @unchecked Sendable {
        var page: PageInfo?
        var error: Error?
    }
}
