import Foundation
import ReputaConfig
import ReputaCore
import ReputaIngest
import ReputaStore

/// One file or response body on its way into the store.
package struct Payload {
    /// A response body is already in memory (capped by `max_bytes`); a file is read in pieces
    /// when it is hashed, archived and parsed, so its size never decides memory use.
    enum Body {
        case bytes([UInt8])
        case file(path: String, size: Int)
    }

    var body: Body
    /// The file path or URL it came from, used in error places.
    var origin: String
    /// Its original file name, kept in the snapshot's name.
    var name: String
    var capturedAt: Timestamp
    /// HTTP only: the response's Content-Type (for "not a feed" messages) and the
    /// validators to save with the reviews.
    var contentType: String? = nil
    var charset: String? = nil
    var validators: HTTPValidators? = nil
}

/// Finds the file payloads of one source: a file, every file of a folder, or a `*` glob.
/// (URL sources are paged through by `SourceRunner`.)
package enum PayloadCollector {
    /// The source's payloads as loaders, so a folder of exports is read one file at a time.
    static func collect(_ entry: Configuration.SourceEntry, now: Timestamp) throws -> [() throws -> Payload] {
        let name = entry.descriptor.name
        guard let path = entry.path else { return [] }
        return try files(matching: path, source: name).map { file in { try read(file, source: name, now: now) } }
    }

    /// A response body as a payload, named after the last path segment of the final URL.
    static func payload(_ response: HTTPResponse, requested url: String, now: Timestamp) -> Payload {
        let last = URL(string: response.effectiveURL)?.lastPathComponent ?? ""
        return Payload(body: .bytes(response.body), origin: url, name: last.isEmpty || last == "/" ? "payload" : last,
                       capturedAt: now, contentType: response.contentType, charset: response.charset,
                       validators: HTTPValidators(url: url, etag: response.etag, lastModified: response.lastModified))
    }

    /// Files for a path: itself, a folder's visible files, or a glob's matches, sorted by name
    /// (snapshot names start with their capture time, so that is oldest first).
    static func files(matching path: String, source: String) throws -> [String] {
        let fm = FileManager.default
        if path.contains("*") || path.contains("?") {
            let folder = (path as NSString).deletingLastPathComponent
            let pattern = (path as NSString).lastPathComponent
            let names = (try? fm.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
            let matches = names.filter { fnmatch(pattern, $0, 0) == 0 && !$0.hasPrefix(".") }.sorted()
            guard !matches.isEmpty else {
                throw ImportFailure(source: source, place: path, message: "no file matches")
            }
            return matches.map { (folder as NSString).appendingPathComponent($0) }
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportFailure(source: source, place: path, message: "no such file or folder")
        }
        if isDirectory.boolValue {
            let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            return names.map { (path as NSString).appendingPathComponent($0) }
                .filter { var d: ObjCBool = false; return fm.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
        }
        return [path]
    }

    /// A file payload; only its size is read here, the bytes when it is imported.
    package static func read(_ path: String, source: String, now: Timestamp) throws -> Payload {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ImportFailure(source: source, place: path, message: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ImportFailure(source: source, place: path, message: "not a regular file")
        }
        guard access(path, R_OK) == 0 else {
            throw ImportFailure(source: source, place: path, message: "cannot read the file (permission?)")
        }
        let name = (path as NSString).lastPathComponent
        return Payload(body: .file(path: path, size: Int(info.st_size)), origin: path, name: name,
                       capturedAt: SnapshotArchive.capturedAt(fileName: name) ?? now)
    }
}

extension Payload {
    /// The payload's bytes as a piece-by-piece input.
    package func input(source: String) throws -> ByteInput {
        switch body {
        case let .bytes(bytes): return ByteInput(bytes: bytes, origin: origin)
        case let .file(path, _):
            do { return try ByteInput(path: path) } catch {
                throw ImportFailure(source: source, place: error.place, message: error.message)
            }
        }
    }
}

/// A payload that could not be found or read before parsing.
package struct ImportFailure: ReputaError {
    var source: String
    var place: String
    var message: String

    package init(source: String, place: String, message: String) {
        self.source = source
        self.place = place
        self.message = message
    }

    package var stage: String { "import" }
    package var exitCode: ExitStatus { .failure }
    package var description: String { "import \(source): \(place): \(message)" }
}
