import Foundation
import ReputaStoreTesting
import Testing

/// The package's root folder, found from this file's path.
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()

/// The built `reputa` (`$REPUTA_BIN`, else .build/debug/reputa).
let reputaBinary: String = ProcessInfo.processInfo.environment["REPUTA_BIN"]
    ?? packageRoot.appendingPathComponent(".build/debug/reputa").path

struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Runs a program to completion, capturing both streams (read concurrently so neither pipe fills).
@discardableResult
func execute(_ program: String, _ arguments: [String], environment: [String: String] = [:], cwd: URL? = nil) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = childEnvironment(environment)
    if let cwd { process.currentDirectoryURL = cwd }
    // Files rather than pipes: no pipe can fill up and block the child.
    let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-out-\(UUID().uuidString)")
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-err-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
    return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
}

/// This process's environment for a child `reputa`, without the test runner's own config and
/// store settings, plus `extra`.
func childEnvironment(_ extra: [String: String]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["REPUTA_CONFIG"] = nil
    env["REPUTA_STORE"] = nil
    // The test PostgreSQL server's password, for tests whose store is a URL (`testStore`); a
    // URL's own password comes first, so tests of a wrong one still see theirs.
    env["PGPASSWORD"] = TestPostgres.password
    for (k, v) in extra { env[k] = v }
    return env
}

/// A new store for one test on `engine`, as `--store` or `REPUTA_STORE` takes it: a SQLite file
/// in `temp`, or a new database of the test PostgreSQL server (its URL). With `copying`, it
/// starts as a copy of that SQLite store (`reputa store copy` for PostgreSQL).
func testStore(_ engine: Engine, in temp: TempFolder, name: String = #function, copying: String? = nil) throws -> String {
    switch engine {
    case .sqlite:
        let path = temp.path("s.sqlite")
        if let copying {
            // Through SQLite, in one read transaction: a byte copy of the file taken while another
            // test's process has the same store open can catch it mid-checkpoint (seen: a copy of the
            // demo store without some of its reviews, about once in twenty runs under load).
            let copy = try reputa(["store", "copy", "--from", copying, "--to", path])
            try #require(copy.status == 0, "store copy: \(copy.stderr)")
        }
        return path
    case .postgres:
        let server = try TestPostgres.shared.get()
        let url = "\(server.url)/\(try server.freshDatabase(name).database)"
        if let copying {
            let copy = try reputa(["store", "copy", "--from", copying, "--to", url])
            try #require(copy.status == 0, "store copy: \(copy.stderr)")
        }
        return url
    }
}

func reputa(_ arguments: [String], environment: [String: String] = [:], cwd: URL? = nil) throws -> Outcome {
    try #require(FileManager.default.isExecutableFile(atPath: reputaBinary), "build reputa first: \(reputaBinary)")
    return try execute(reputaBinary, arguments, environment: environment, cwd: cwd)
}

func python(_ script: String, _ arguments: [String]) throws -> Outcome {
    try execute("/usr/bin/env", ["python3", packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/\(script)").path] + arguments)
}

func fixturePath(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/ReputaIngestTests/Fixtures/\(name)").path
}

/// A temporary folder for one test, removed afterwards.
final class TempFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }
}

func jsonArray(_ text: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}

/// The port a helper server prints on its first line of stdout (nil if it died first).
func firstLinePort(_ out: Pipe) -> Int? {
    var line = Data()
    while true {
        let byte = out.fileHandleForReading.readData(ofLength: 1)
        if byte.isEmpty || byte == Data("\n".utf8) { break }
        line.append(byte)
    }
    return Int(String(decoding: line, as: UTF8.self))
}

/// The loopback HTTP server of Support/serve.py, stopped on deinit.
final class TestServer {
    let process = Process()
    let input = Pipe()
    let port: Int
    let hits: String

    init(root: String) throws {
        hits = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-hits-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: hits, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/serve.py").path, root, hits]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = input
        try process.run()
        port = try #require(firstLinePort(out), "test server did not start")
    }

    var base: String { "http://127.0.0.1:\(port)" }
    var requests: [String] { ((try? String(contentsOfFile: hits, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }

    /// Selected request headers per request, in order (serve.py's HITS.jsonl).
    var headerLog: [[String: Any]] {
        ((try? String(contentsOfFile: hits + ".jsonl", encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: hits)
        try? FileManager.default.removeItem(atPath: hits + ".jsonl")
    }
}
