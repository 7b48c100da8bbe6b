import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A real `reputa serve` on 127.0.0.1, on a port the system chooses (read from its "serving …"
/// line), stopped with SIGTERM on deinit. Its stderr is kept for assertions on the log.
final class ServeProcess: @unchecked Sendable {
    /// What the server wrote to stderr so far, filled from its pipe as it arrives.
    final class Buffer: @unchecked Sendable {
        let lock = NSLock()
        var bytes = Data()
        var port: Int?
        let ready = DispatchSemaphore(value: 0)

        func add(_ data: Data) {
            lock.lock()
            defer { lock.unlock() }
            if data.isEmpty { if port == nil { ready.signal() }; return }
            bytes.append(data)
            let text = String(decoding: bytes, as: UTF8.self)
            if port == nil, let range = text.range(of: #"on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                port = Int(text[range].split(separator: ":").last!)
                ready.signal()
            }
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    let process = Process()
    let port: Int
    private let buffer = Buffer()

    /// `command` is `serve`, or `watch --serve …`.
    init(config: String, store: String, command: [String] = ["serve"], extra: [String] = [], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: reputaBinary)
        process.arguments = command + ["--config", config, "--store", store, "--listen", "127.0.0.1:0"] + extra
        process.environment = childEnvironment(environment)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let buffer = self.buffer
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            buffer.add(data)
        }
        try process.run()
        _ = buffer.ready.wait(timeout: .now() + 30)
        port = try #require(buffer.port, "reputa serve did not start: \(buffer.text)")
    }

    var base: String { "http://127.0.0.1:\(port)" }

    var log: String { buffer.text }

    /// Sends SIGTERM and returns the exit status.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { _ = stop() }
}

/// A browser-like HTTP client of one visitor: keeps the cookies the server sets, never follows
/// redirects (the test reads them), and posts forms.
final class WebClient: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
        var location: String? { headers["location"] }
    }

    let base: String
    var cookies: [String: String] = [:]
    /// Every Set-Cookie line seen, for checks on their attributes.
    var setCookies: [String] = []
    private var session: URLSession!

    init(_ base: String) {
        self.base = base
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    @discardableResult
    func get(_ path: String, headers: [String: String] = [:]) async throws -> Answer {
        try await send("GET", path, body: nil, headers: headers)
    }

    @discardableResult
    func post(_ path: String, _ form: [(String, String)], headers: [String: String] = [:]) async throws -> Answer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return try await send("POST", path, body: Data(body.utf8),
                              headers: headers.merging(["Content-Type": "application/x-www-form-urlencoded"]) { a, _ in a })
    }

    func send(_ method: String, _ path: String, body: Data?, headers: [String: String]) async throws -> Answer {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        if !cookies.isEmpty { request.setValue(cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), forHTTPHeaderField: "Cookie") }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields { fields[String(describing: k).lowercased()] = String(describing: v) }
        if let line = fields["set-cookie"] {
            // Several Set-Cookie lines arrive joined by ", " (no attribute of ours holds a comma).
            for cookie in line.components(separatedBy: ", ") {
                setCookies.append(cookie)
                let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(pair[0]).trimmingCharacters(in: .whitespaces), value = pair.count > 1 ? String(pair[1]) : ""
                if value.isEmpty || cookie.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
            }
        }
        return Answer(status: http.statusCode, headers: fields, body: String(decoding: data, as: UTF8.self))
    }

    /// The value of the hidden field `name` in `html`.
    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value="[^"]*""#, options: .regularExpression) else { return nil }
        return String(html[range].dropLast().split(separator: "\"").last ?? "")
    }

    /// Signs in as `name`, returning the sign-in answer (303 to `next` when it worked).
    @discardableResult
    func signIn(_ name: String, _ password: String, next: String = "/") async throws -> Answer {
        let page = try await get("/login")
        let token = try #require(Self.field("_signin", in: page.body), "no sign-in token: \(page.body)")
        return try await post("/login", [("_signin", token), ("name", name), ("password", password), ("next", next)])
    }

    /// The CSRF token the pages of this session carry.
    func csrf() async throws -> String {
        let page = try await get("/")
        return try #require(Self.field("_csrf", in: page.body), "no CSRF token on the queue page")
    }
}

/// The flag numbers of a queue page, in the order shown.
func queueIDs(_ html: String) -> [Int] {
    html.components(separatedBy: "data-id=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
}

/// The flag numbers of every page of a queue, following its "next" links from `path`.
func allQueueIDs(_ web: WebClient, _ path: String) async throws -> [Int] {
    var ids: [Int] = [], next: String? = path, pages = 0
    while let path = next, pages < 100 {
        let page = try await web.get(path)
        try #require(page.status == 200, "\(path): \(page.status)")
        ids += queueIDs(page.body)
        pages += 1
        next = page.body.range(of: #"rel="next" href="[^"]*""#, options: .regularExpression).map {
            String(page.body[$0].dropLast().split(separator: "\"").last ?? "").replacingOccurrences(of: "&amp;", with: "&")
        }
    }
    return ids
}
