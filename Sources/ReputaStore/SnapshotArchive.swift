import Foundation
import ReputaCore
#if canImport(Glibc)
import Glibc
#endif

/// Raw payloads kept byte for byte under `<root>/<source>/`, named
/// `<YYYYMMDDTHHMMSSZ>-<first 16 hex of sha256>-<original name>` so a listing sorts by capture
/// time and the same bytes are stored once.
public struct SnapshotArchive: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public struct Snapshot: Equatable, Sendable {
        public var source: String
        public var sha256: String
        /// Path relative to the archive root.
        public var relativePath: String
        public var capturedAt: Timestamp
        public var byteCount: Int
        /// True when this call wrote the file (false when the bytes were already kept).
        public var isNew = false
    }

    /// Stores `bytes` for `source` unless the same bytes are already there; returns where they are.
    /// A file that already lives in the source's folder under the archive's naming is its own
    /// snapshot (the shipped demo data is such a folder).
    public func store(_ bytes: [UInt8], sha256: String, source: String, originalName: String,
                      capturedAt: Timestamp) throws -> Snapshot {
        switch try begin(sha256: sha256, source: source, origin: originalName, originalName: originalName,
                         capturedAt: capturedAt, byteCount: bytes.count) {
        case let .existing(kept):
            return kept
        case let .pending(writing):
            bytes.withUnsafeBytes { writing.write($0) }
            try writing.finish()
            return writing.snapshot
        }
    }

    /// Where a file's bytes will be kept: an existing snapshot with the same hash, or a
    /// pending one that the caller fills while it parses the file (`PendingSnapshot`).
    public enum Destination {
        case existing(Snapshot)
        case pending(PendingSnapshot)

        public var snapshot: Snapshot {
            switch self {
            case let .existing(s): return s
            case let .pending(p): return p.snapshot
            }
        }
    }

    /// Starts keeping the file at `origin` (already hashed as `sha256`), unless the same bytes
    /// are kept already.
    public func begin(sha256: String, source: String, origin: String, originalName: String, capturedAt: Timestamp,
                      byteCount: Int) throws -> Destination {
        let folder = root.appendingPathComponent(source, isDirectory: true)
        // One listing of the folder serves the lookup and the sweep.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if let existing = find(sha256: sha256, source: source, among: names) { return .existing(existing) }
        Self.sweep(folder, names: names)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(place: folder.path, message: "cannot create snapshot folder: \(error.localizedDescription)")
        }
        let name = "\(Self.stamp(capturedAt))-\(sha256.prefix(16))-\(Self.safeFileName(originalName))"
        let snapshot = Snapshot(source: source, sha256: sha256, relativePath: "\(source)/\(name)",
                                capturedAt: capturedAt, byteCount: byteCount, isNew: true)
        return .pending(try PendingSnapshot(snapshot: snapshot, origin: origin,
                                            temp: folder.appendingPathComponent(".\(name).tmp"),
                                            target: folder.appendingPathComponent(name)))
    }

    /// Removes the temporary files (`.<name>.tmp`) of imports that died while writing (kill -9,
    /// power loss): a writer holds an exclusive `flock` on its file for as long as it lives, so a
    /// file whose lock can be taken belongs to nobody. Returns the names removed.
    @discardableResult
    public static func sweep(_ folder: URL, names: [String]) -> [String] {
        var removed: [String] = []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let path = folder.appendingPathComponent(name).path
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0, unlink(path) == 0 { removed.append(name) }
            close(fd)
        }
        return removed
    }

    /// The snapshot file's absolute path.
    public func path(of snapshot: Snapshot) -> String {
        root.appendingPathComponent(snapshot.relativePath).path
    }

    /// Removes a snapshot this run wrote whose reviews could not be stored, so a failed import
    /// leaves nothing behind. Files that were already there are never touched.
    public func discard(_ snapshot: Snapshot) {
        guard snapshot.isNew else { return }
        let file = root.appendingPathComponent(snapshot.relativePath)
        try? FileManager.default.removeItem(at: file)
        // The source's folder too, when this snapshot was all it held: a failed first import
        // leaves no trace.
        let folder = file.deletingLastPathComponent()
        if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// A snapshot of `source` with this hash, if the folder has one (checked by name, then by bytes).
    /// - Parameter names: the source folder's file names, as listed by the caller.
    func find(sha256: String, source: String, among names: [String]) -> Snapshot? {
        let folder = root.appendingPathComponent(source, isDirectory: true)
        let marker = "-\(sha256.prefix(16))-"
        for name in names.sorted() where name.contains(marker) && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            guard (try? SHA256.hex(file: url.path)) == sha256,
                  let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int else { continue }
            return Snapshot(source: source, sha256: sha256, relativePath: "\(source)/\(name)",
                            capturedAt: Self.capturedAt(fileName: name) ?? Timestamp(date: Date()),
                            byteCount: size)
        }
        return nil
    }

    /// The capture time a snapshot file name starts with, if it follows the naming.
    public static func capturedAt(fileName: String) -> Timestamp? {
        let b = Array(fileName.utf8)
        guard b.count >= 16, b[8] == UInt8(ascii: "T"), b[15] == UInt8(ascii: "Z") else { return nil }
        func n(_ r: Range<Int>) -> Int? { Int(String(decoding: b[r], as: UTF8.self)) }
        guard let y = n(0..<4), let mo = n(4..<6), let d = n(6..<8), let h = n(9..<11), let mi = n(11..<13),
              let s = n(13..<15), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 60 else { return nil }
        let days = Timestamp.days(year: Int64(y), month: mo, day: d)
        return Timestamp(epochSeconds: days * 86_400 + Int64(h * 3600 + mi * 60 + s))
    }

    static func stamp(_ t: Timestamp) -> String {
        t.utcISO.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    static func safeFileName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent
        let cleaned = String(base.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        return cleaned.isEmpty ? "payload" : String(cleaned.prefix(120))
    }
}
