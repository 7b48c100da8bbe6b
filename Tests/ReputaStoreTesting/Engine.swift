import Foundation
import ReputaPostgres
import ReputaStore

/// The two engines the shared store logic runs on; a test taking `Engine.allCases` runs once on
/// a new SQLite file and once on a new database of the test PostgreSQL server.
public enum Engine: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite, postgres

    public var description: String { rawValue }

    /// A new, empty store; the SQLite file's folder goes away with the returned holder.
    public func freshStore(_ name: String = #function) throws -> (store: any SQLStore, keep: AnyObject?) {
        switch self {
        case .sqlite:
            let folder = TemporaryFolder()
            return (try SQLiteStore(path: folder.url.appendingPathComponent("s.sqlite").path), folder)
        case .postgres:
            return (try PostgresStore(try TestPostgres.shared.get().freshDatabase(name)), nil)
        }
    }
}

public final class TemporaryFolder {
    public let url = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-both-\(UUID().uuidString)")
    public init() { try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
}
