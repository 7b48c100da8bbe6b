import Logging
import ReputaCore
import ReputaIngest

/// bytes → reviews for one payload, through the kind's importer; skipped rows and entries
/// kept with a warning become log lines.
struct PayloadParser {
    let logger: Logger

    func parse(_ payload: Payload, descriptor: SourceDescriptor) throws -> ParsedBatch {
        guard let kind = Kinds.named(descriptor.kind) else {
            throw ImportFailure(source: descriptor.name, place: payload.origin, message: "unknown kind \"\(descriptor.kind)\"")
        }
        let batch: ParsedBatch
        do {
            batch = try kind.importer.parse(payload.bytes, origin: payload.origin, charset: payload.charset, source: descriptor)
        } catch var error as ParseError {
            // "not a feed" means more with what the server said it sent.
            if let type = payload.contentType, !type.isEmpty { error.message += " (Content-Type \(type))" }
            throw error
        }
        for problem in batch.skipped {
            logger.warning("parse \(descriptor.name): \(problem.place): \(problem.message); row skipped")
        }
        for problem in batch.warnings {
            logger.warning("parse \(descriptor.name): \(problem.place): \(problem.message); entry kept")
        }
        return batch
    }
}
