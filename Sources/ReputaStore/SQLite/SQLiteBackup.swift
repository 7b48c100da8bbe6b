import Foundation
import GRDB
import ReputaCore
#if canImport(Glibc)
import Glibc
#endif

/// `reputa store backup`: a consistent copy of a live SQLite store, safe while `watch` writes to
/// it. SQLite's online backup API (through GRDB) copies every page inside one read transaction,
/// so the copy is the store as of one commit, never half of one; a plain copy of the file would
/// miss what still sits in the WAL. The store is opened read-only and never migrated (a newer
/// binary backing up the store an older `watch` still runs on must not upgrade it under it);
/// its header is checked as `SQLiteStore` checks it. The copy is written beside the target under
/// a temporary name, turned into a single file (no WAL), integrity- and foreign-key-checked,
/// and only then linked to its name, which fails rather than replace a file that appeared
/// meanwhile: a failed backup leaves nothing at the target.
public enum SQLiteBackup {
    public struct Result: Sendable {
        public var path: String
        public var bytes: Int64
        public var reviews: Int
        public var schemaVersion: Int
    }

    public static func run(store path: String, to destination: String) throws -> Result {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { throw SQLiteStore.missing(path) }
        guard !manager.fileExists(atPath: destination) else {
            throw StoreError(place: destination, message: "a file is already there: a backup never overwrites (choose another name)")
        }
        let url = URL(fileURLWithPath: destination)
        let partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)").path
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? manager.removeItem(atPath: partial + suffix) } }
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            readOnly.busyMode = .timeout(5)
            let source = try DatabaseQueue(path: path, configuration: readOnly)
            let schema = try source.read { db in try SQLiteStore.claim(db, path: path) }
            let target = try DatabaseQueue(path: partial)
            try source.backup(to: target)
            let reviews = try target.writeWithoutTransaction { db -> Int in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard check == ["ok"] else {
                    throw StoreError(place: destination, message: "the copy failed its integrity check: \(check.prefix(3).joined(separator: "; "))")
                }
                if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                    throw StoreError(place: destination, message: "the copy has a dangling reference in \(broken[0] as String? ?? "?")")
                }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviews") ?? 0
            }
            try target.close()
            try source.close()
            // link(2) fails with EEXIST where rename(2) would replace.
            guard link(partial, destination) == 0 else {
                let reason = errno == EEXIST ? "a file appeared there meanwhile: a backup never overwrites" : String(cString: strerror(errno))
                throw StoreError(place: destination, message: reason)
            }
            let bytes = ((try? manager.attributesOfItem(atPath: destination))?[.size] as? NSNumber)?.int64Value ?? 0
            return Result(path: destination, bytes: bytes, reviews: reviews, schemaVersion: schema)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(place: destination, message: "backup failed: \(SQLiteStore.reason(error))")
        }
    }
}
