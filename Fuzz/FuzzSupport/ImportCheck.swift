import Foundation
import ReputaCore
import ReputaIngest

/// One importer over an input read whole, then streamed in pieces, and the two outcomes compared:
/// where a piece ends must never change what is read. The fuzz harnesses trap when they differ;
/// PieceBoundaryTests (on every fixture) and FuzzRegressionTests (on every input `make fuzz`
/// found a fault with) assert it.
public enum ImportCheck {
    public enum Outcome: Equatable, CustomStringConvertible {
        case read(reviews: [Review], skipped: [RowProblem], warnings: [RowProblem], page: PageInfo)
        case failed(String)

        public var description: String {
            switch self {
            case let .read(reviews, skipped, warnings, page): return "read \(reviews) \(skipped) \(warnings) \(page)"
            case let .failed(error): return "failed \(error)"
            }
        }
    }

    /// The source the harnesses read as (a location, the demo's zone).
    public static func source(kind: String, maxFieldBytes: Int? = nil) -> SourceDescriptor {
        var source = SourceDescriptor(name: "fuzz", kind: kind, portal: kind, location: "milano", timezone: "Europe/Rome")
        source.maxFieldBytes = maxFieldBytes
        return source
    }

    /// `bytes` read as `kind`: whole (`pieceSize` nil) or streamed in pieces of `pieceSize` bytes.
    public static func read(_ bytes: [UInt8], kind: String, source: SourceDescriptor, pieceSize: Int?) -> Outcome {
        guard let importer = Kinds.named(kind)?.importer else { return .failed("no kind \(kind)") }
        do {
            let batch: ParsedBatch
            if let pieceSize {
                let collector = BatchCollector()
                let page = try importer.stream(ByteInput(bytes: bytes, origin: source.name, pieceSize: pieceSize), origin: source.name,
                                               charset: nil, source: source, into: collector)
                batch = collector.finish(page)
            } else {
                batch = try importer.parse(bytes, origin: source.name, source: source)
            }
            return .read(reviews: batch.reviews, skipped: batch.skipped, warnings: batch.warnings, page: batch.page)
        } catch {
            return .failed("\(error)")
        }
    }

    /// What must not depend on pieces: everything read, and of a failure its stage, source and
    /// place (`parse fuzz: fuzz:3:16`); of an XML failure its stage and source only, as libxml2's
    /// push parser words, and on a broken prolog even places, one fault differently depending on
    /// where its input was cut (it refuses it either way).
    public static func comparable(_ outcome: Outcome, kind: String) -> Outcome {
        guard case let .failed(text) = outcome else { return outcome }
        let xml = ["rss", "atom", "feed", "appstore-rss"].contains(kind)
        return .failed(text.components(separatedBy: ": ").prefix(xml ? 1 : 2).joined(separator: ": "))
    }

    /// The harnesses' check: `bytes` as `kind` whole and in pieces (1 to 8 bytes for small inputs,
    /// chosen from the input's length so the fuzzer reaches every size; a few hundred for big ones,
    /// where tiny pieces only cost time); traps when the outcomes differ.
    public static func run(_ bytes: [UInt8], kind: String, maxFieldBytes: Int? = nil) {
        let source = source(kind: kind, maxFieldBytes: maxFieldBytes)
        let size = bytes.count < 2048 ? 1 + bytes.count % 8 : 509 + bytes.count % 512
        let whole = comparable(read(bytes, kind: kind, source: source, pieceSize: nil), kind: kind)
        let pieces = comparable(read(bytes, kind: kind, source: source, pieceSize: size), kind: kind)
        if whole != pieces {
            FileHandle.standardError.write(Data("kind \(kind): whole \(whole)\npieces \(pieces)\n".utf8))
            fatalError("reading in pieces changed the outcome")
        }
    }

    /// The harness's input as Swift bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
