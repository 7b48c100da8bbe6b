import Foundation
import Mustache
import ReputaCore

/// The pages' templates and static files (`web/` beside this file, installed as
/// `share/reputa/web/`; `$REPUTA_WEB` names another folder), read once at start.
struct WebFiles: Sendable {
    let templates: MustacheLibrary
    /// Static files by name (`app.css`), with their content type.
    let statics: [String: (type: String, bytes: [UInt8])]

    static func load() throws -> WebFiles {
        let candidates = ShippedFile.candidates("web", variable: "REPUTA_WEB",
                                                sourceFolder: URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        guard let root = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/templates") }) else {
            throw WebError.setup("the pages' templates are missing (looked in \(candidates.joined(separator: ", ")))")
        }
        var templates: [String: MustacheTemplate] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/templates") where name.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: root + "/templates/" + name, encoding: .utf8)
            do {
                templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch {
                throw WebError.setup("template \(root)/templates/\(name): \(error)")
            }
        }
        var statics: [String: (String, [UInt8])] = [:]
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/static") {
            guard let type = types[(name as NSString).pathExtension] else { continue }
            statics[name] = (type, Array(try Data(contentsOf: URL(fileURLWithPath: root + "/static/" + name))))
        }
        return WebFiles(templates: MustacheLibrary(templates: templates), statics: statics)
    }
}

/// Why `reputa serve` cannot start.
public enum WebError: ReputaError {
    case setup(String)

    public var stage: String { "serve" }
    public var exitCode: ExitStatus { .failure }
    public var description: String {
        switch self {
        case let .setup(message): "serve: \(message)"
        }
    }
}
