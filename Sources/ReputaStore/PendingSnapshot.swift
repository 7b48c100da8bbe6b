import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A snapshot being written while its file is parsed: every piece the parser reads is also
/// written to a temporary file and hashed (`write`), so a big export is read once instead of
/// being copied first and parsed after. `finish` checks the hash against the one the ledger
/// was asked about, syncs and moves the file into place; `abandon` removes it. What is stored
/// is therefore exactly what was kept, byte for byte.
public final class PendingSnapshot: @unchecked Sendable {
    public let snapshot: SnapshotArchive.Snapshot
    let origin: String
    let temp: URL
    let target: URL
    var fd: Int32
    var hasher: SHA256.Hasher?
    /// The first write error, reported by `finish` (the reader's callback cannot throw it).
    var failure: StoreError?

    init(snapshot: SnapshotArchive.Snapshot, origin: String, temp: URL, target: URL) throws {
        self.snapshot = snapshot
        self.origin = origin
        self.temp = temp
        self.target = target
        // The lock is held until the file is closed (or the process dies, even by kill -9): a
        // temp file nobody holds is a dead import's, which `SnapshotArchive.sweep` removes. A
        // sweep that took the lock between open and flock is about to unlink the file: open anew.
        fd = -1
        for _ in 0..<50 {
            fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw StoreError(place: temp.path, message: "cannot write snapshot: \(String(cString: strerror(errno)))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { break }
            close(fd)
            fd = -1
            usleep(2_000)
        }
        guard fd >= 0 else { throw StoreError(place: temp.path, message: "cannot write snapshot: another process holds it") }
        hasher = SHA256.Hasher()
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends one piece of the payload.
    public func write(_ piece: UnsafeRawBufferPointer) {
        guard failure == nil, fd >= 0, let base = piece.baseAddress else { return }
        hasher?.update(piece)
        var done = 0
        while done < piece.count {
            let w = Glibc.write(fd, base + done, piece.count - done)
            if w < 0, errno == EINTR { continue }
            guard w > 0 else {
                failure = StoreError(place: temp.path, message: "cannot write snapshot: \(String(cString: strerror(errno)))")
                return
            }
            done += w
        }
    }

    /// Verifies, syncs and moves the file into place. Throws (and removes the file) when the
    /// bytes read are not the bytes that were hashed before, or the copy could not be written.
    public func finish() throws {
        defer { if fd >= 0 { close(fd); fd = -1 } }
        if let failure { abandon(); throw failure }
        let digest = hasher.take()?.finish()
        guard digest == snapshot.sha256 else {
            abandon()
            throw StoreError(place: origin, message: "the file changed while it was being imported; nothing was stored")
        }
        guard fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw StoreError(place: temp.path, message: "cannot write snapshot: \(reason)")
        }
        do { try FileManager.default.moveItem(at: temp, to: target) } catch {
            abandon()
            throw StoreError(place: target.path, message: "cannot write snapshot: \(error.localizedDescription)")
        }
    }

    /// Removes the temporary file (an import that failed leaves nothing behind).
    public func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        try? FileManager.default.removeItem(at: temp)
    }
}
