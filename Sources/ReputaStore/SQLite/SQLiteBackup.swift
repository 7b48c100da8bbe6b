import Foundation
import GRDB
import ReputaCore

/// `reputa store backup`: a consistent copy of a live SQLite store, safe while `watch` writes to
/// it. SQLite's online backup API (through GRDB) copies every page inside one read transaction,
/// so the copy is the store as of one commit, never half of one; a plain copy of the file would
/// miss what still sits in the WAL. The copy is written beside the target under a temporary
/// name, turned into a single file (no WAL), integrity- and foreign-key-checked, and only then
/// renamed into place: a failed backup leaves nothing at the target.
extension SQLiteStore {
    public struct Backup: Sendable {
        public var path: String
        public var bytes: Int64
        public var reviews: Int
        public var schemaVersion: Int
    }

    public func backup(to destination: String) throws -> Backup {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: destination) else {
            throw StoreError(place: destination, message: "a file is already there: a backup never overwrites (choose another name)")
        }
        let url = URL(fileURLWithPath: destination)
        let partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)").path
        var done = false
        defer {
            if !done { for suffix in ["", "-wal", "-shm", "-journal"] { try? manager.removeItem(atPath: partial + suffix) } }
        }
        do {
            let target = try DatabaseQueue(path: partial)
            try queue.backup(to: target)
            let summary = try target.writeWithoutTransaction { db -> (Int, Int) in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard check == ["ok"] else {
                    throw StoreError(place: destination, message: "the copy failed its integrity check: \(check.prefix(3).joined(separator: "; "))")
                }
                if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                    throw StoreError(place: destination, message: "the copy has a dangling reference in \(broken[0] as String? ?? "?")")
                }
                return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviews") ?? 0,
                        try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
            }
            try target.close()
            try manager.moveItem(atPath: partial, toPath: destination)
            done = true
            let bytes = ((try? manager.attributesOfItem(atPath: destination))?[.size] as? NSNumber)?.int64Value ?? 0
            return Backup(path: destination, bytes: bytes, reviews: summary.0, schemaVersion: summary.1)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(place: destination, message: "backup failed: \(Self.reason(error))")
        }
    }
}
