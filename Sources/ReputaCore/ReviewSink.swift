/// Where an importer delivers what it reads, one review at a time, so a million-row export
/// never sits in memory as a whole: the store writes each review as it arrives, `inspect`
/// and the tests collect them into a `ParsedBatch`.
public protocol ReviewSink: AnyObject {
    /// One review read. Throws when the receiver cannot take it (the store failed); the
    /// importer stops and the whole payload is rolled back.
    func add(_ review: Review) throws
    /// A row or entry that could not be read and was left out.
    func skip(_ problem: RowProblem)
    /// An entry kept with a warning (an unreadable date).
    func warn(_ problem: RowProblem)
}

/// What a payload says about where the portal goes on, read alongside its reviews.
public struct PageInfo: Equatable, Sendable {
    /// The next page: an absolute or relative URL (`link rel="next"`), or an API cursor token.
    public var nextPage: String?
    /// The portal's own count of reviews, where the payload states one (`totalReviewCount`).
    public var portalTotal: Int?

    public init(nextPage: String? = nil, portalTotal: Int? = nil) {
        self.nextPage = nextPage
        self.portalTotal = portalTotal
    }
}

/// A sink that keeps everything it is given, as a `ParsedBatch`.
public final class BatchCollector: ReviewSink {
    public private(set) var batch = ParsedBatch()

    public init() {}

    public func add(_ review: Review) { batch.reviews.append(review) }
    public func skip(_ problem: RowProblem) { batch.skipped.append(problem) }
    public func warn(_ problem: RowProblem) { batch.warnings.append(problem) }

    /// The batch with the page facts the importer returned.
    public func finish(_ page: PageInfo) -> ParsedBatch {
        var out = batch
        out.nextPage = page.nextPage
        out.portalTotal = page.portalTotal
        return out
    }
}

extension ParsedBatch {
    public var page: PageInfo { PageInfo(nextPage: nextPage, portalTotal: portalTotal) }

    /// Hands every review and problem of the batch to `sink`, in order.
    public func forward(to sink: any ReviewSink) throws {
        for problem in skipped { sink.skip(problem) }
        for problem in warnings { sink.warn(problem) }
        for review in reviews { try sink.add(review) }
    }
}
