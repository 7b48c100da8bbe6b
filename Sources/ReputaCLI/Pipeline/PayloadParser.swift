import Logging
import ReputaCore
import ReputaIngest

/// bytes → reviews for one payload, through the kind's importer; skipped rows become warnings.
struct PayloadParser {
    let logger: Logger

    func parse(_ payload: Payload, descriptor: SourceDescriptor) throws -> ParsedBatch {
        guard let kind = Kinds.named(descriptor.kind) else {
            throw ImportFailure(source: descriptor.name, place: payload.origin, message: "unknown kind \"\(descriptor.kind)\"")
        }
        let batch = try kind.importer.parse(payload.bytes, origin: payload.origin, source: descriptor)
        for problem in batch.skipped {
            logger.warning("parse \(descriptor.name): \(problem.place): \(problem.message); row skipped")
        }
        return batch
    }
}
