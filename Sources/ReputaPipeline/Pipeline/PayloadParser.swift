import Logging
import ReputaConfig
import ReputaCore
import ReputaIngest

/// bytes → reviews for one payload, through the kind's importer; skipped rows and entries
/// kept with a warning become log lines.
package struct PayloadParser {
    let logger: Logger

    package init(logger: Logger) { self.logger = logger }

    /// Streams `input` through the kind's importer into `sink`.
    /// - Parameter contentType: what the server said it sent, added to "not a feed" messages.
    package func stream(_ input: ByteInput, origin: String, contentType: String? = nil, charset: String? = nil,
                descriptor: SourceDescriptor, into sink: any ReviewSink) throws -> PageInfo {
        guard let kind = Kinds.named(descriptor.kind) else {
            throw ImportFailure(source: descriptor.name, place: origin, message: "unknown kind \"\(descriptor.kind)\"")
        }
        do {
            return try kind.importer.stream(input, origin: origin, charset: charset, source: descriptor, into: sink)
        } catch var error as ParseError {
            if let type = contentType, !type.isEmpty { error.message += " (Content-Type \(type))" }
            throw error
        }
    }

    /// The whole payload as one batch (for `inspect`), problems logged.
    package func parse(_ payload: Payload, descriptor: SourceDescriptor) throws -> ParsedBatch {
        let collector = BatchCollector()
        let page = try stream(payload.input(source: descriptor.name), origin: payload.origin, contentType: payload.contentType,
                              charset: payload.charset, descriptor: descriptor, into: collector)
        let batch = collector.finish(page)
        for problem in batch.skipped { log(problem, kept: false, source: descriptor.name) }
        for problem in batch.warnings { log(problem, kept: true, source: descriptor.name) }
        return batch
    }

    /// A survey, helpdesk or customers payload read whole by its kind's importer, each skipped
    /// row and warning logged as for reviews.
    package func parseInternal(_ bytes: [UInt8], origin: String, descriptor: SourceDescriptor, kind: InternalKind) throws -> InternalBatch {
        let batch = try kind.importer.parse(bytes, origin: origin, source: descriptor)
        for problem in batch.skipped { log(problem, kept: false, source: descriptor.name) }
        for problem in batch.warnings { log(problem, kept: true, source: descriptor.name) }
        return batch
    }

    package func log(_ problem: RowProblem, kept: Bool, source: String) {
        logger.warning("parse \(source): \(problem.place): \(problem.message); \(kept ? "entry kept" : "row skipped")")
    }
}
