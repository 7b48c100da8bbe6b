import Foundation
import Logging
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaStore

/// `reputa import`: files that have no entry in sources.yml, each its own transaction, each
/// kept byte for byte; one broken file never stops the others. And its dry run: each file read
/// through its importer into a counter, nothing stored.
package enum FileImport {
    package struct Imported {
        package var path: String
        /// The file's counts, or why it failed.
        package var result: StepResult<ImportCounts>
    }

    package struct Checked {
        package var path: String
        /// Reviews (or, for survey, helpdesk and customer kinds, records) read, and rows skipped.
        package var read: Int
        package var skipped: Int
        package var records: Bool
    }

    package static func run(paths: [String], descriptor: SourceDescriptor, store: any SQLStore, archive: SnapshotArchive,
                            logger: Logger, now: Timestamp) -> [Imported] {
        let ingestor = Ingestor(store: store, archive: archive, now: now, logger: logger)
        return paths.map { path in
            do {
                let payload = try PayloadCollector.read(path, source: descriptor.name, now: now)
                return Imported(path: path, result: .done(try ingestor.ingest(payload, descriptor: descriptor)))
            } catch let error as any ReputaError {
                return Imported(path: path, result: .failed(error))
            } catch {
                return Imported(path: path, result: .failed(ImportFailure(source: descriptor.name, place: path, message: "\(error)")))
            }
        }
    }

    package static func check(paths: [String], descriptor: SourceDescriptor, logger: Logger,
                              now: Timestamp) -> [(path: String, result: StepResult<Checked>)] {
        let parser = PayloadParser(logger: logger)
        return paths.map { path in
            do {
                let payload = try PayloadCollector.read(path, source: descriptor.name, now: now)
                if let kind = InternalKinds.named(descriptor.kind) {
                    let batch = try parser.parseInternal(payload.input(source: descriptor.name).readAll(), origin: path,
                                                         descriptor: descriptor, kind: kind)
                    return (path, .done(Checked(path: path, read: batch.recordCount, skipped: batch.skipped.count, records: true)))
                }
                let counter = CountingSink { parser.log($0, kept: $1, source: descriptor.name) }
                _ = try parser.stream(payload.input(source: descriptor.name), origin: path, descriptor: descriptor, into: counter)
                return (path, .done(Checked(path: path, read: counter.reviews, skipped: counter.skipped, records: false)))
            } catch let error as any ReputaError {
                return (path, .failed(error))
            } catch {
                return (path, .failed(ImportFailure(source: descriptor.name, place: path, message: "\(error)")))
            }
        }
    }

    /// 0 every file done, 2 some failed, 1 all failed.
    package static func status(failures: Int, of total: Int) -> ExitStatus {
        if failures == 0 { return .ok }
        return failures == total ? .failure : .partial
    }
}

/// What one step did, or the one error that stopped it (a `Result` whose error is a `ReputaError`).
package enum StepResult<Value> {
    case done(Value)
    case failed(any ReputaError)

    package var failed: Bool { if case .failed = self { return true } else { return false } }
}

/// Counts what an importer reads and reports its problems; keeps nothing.
final class CountingSink: ReviewSink {
    var reviews = 0
    var skipped = 0
    let report: (RowProblem, Bool) -> Void

    init(report: @escaping (RowProblem, Bool) -> Void) { self.report = report }

    func add(_ review: Review) { reviews += 1 }
    func skip(_ problem: RowProblem) { skipped += 1; report(problem, false) }
    func warn(_ problem: RowProblem) { report(problem, true) }
}
