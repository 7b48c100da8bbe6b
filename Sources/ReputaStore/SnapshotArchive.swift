import Foundation
import ReputaCore

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
        let folder = root.appendingPathComponent(source, isDirectory: true)
        if let existing = try find(sha256: sha256, source: source) { return existing }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(place: folder.path, message: "cannot create snapshot folder: \(error.localizedDescription)")
        }
        let safeName = Self.safeFileName(originalName)
        let name = "\(Self.stamp(capturedAt))-\(sha256.prefix(16))-\(safeName)"
        let target = folder.appendingPathComponent(name)
        let temp = folder.appendingPathComponent(".\(name).tmp")
        do {
            try Data(bytes).write(to: temp)
            try FileManager.default.moveItem(at: temp, to: target)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw StoreError(place: target.path, message: "cannot write snapshot: \(error.localizedDescription)")
        }
        return Snapshot(source: source, sha256: sha256, relativePath: "\(source)/\(name)",
                        capturedAt: capturedAt, byteCount: bytes.count, isNew: true)
    }

    /// Removes a snapshot this run wrote whose reviews could not be stored, so a failed import
    /// leaves nothing behind. Files that were already there are never touched.
    public func discard(_ snapshot: Snapshot) {
        guard snapshot.isNew else { return }
        try? FileManager.default.removeItem(at: root.appendingPathComponent(snapshot.relativePath))
    }

    /// A snapshot of `source` with this hash, if the folder has one (checked by name, then by bytes).
    public func find(sha256: String, source: String) throws -> Snapshot? {
        let folder = root.appendingPathComponent(source, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        let marker = "-\(sha256.prefix(16))-"
        for name in names.sorted() where name.contains(marker) && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  SHA256.hex([UInt8](data)) == sha256 else { continue }
            return Snapshot(source: source, sha256: sha256, relativePath: "\(source)/\(name)",
                            capturedAt: Self.capturedAt(fileName: name) ?? Timestamp(date: Date()),
                            byteCount: data.count)
        }
        return nil
    }

    public func read(_ relativePath: String) throws -> [UInt8] {
        let url = root.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StoreError(place: url.path, message: "snapshot file is missing or unreadable")
        }
        return [UInt8](data)
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
