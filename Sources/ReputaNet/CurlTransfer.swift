import CCurl
import Foundation

/// One GET on a reusable `CurlEasy` handle, without following redirects (the client follows
/// them itself, so it can drop credentials when the host changes and check each hop's scheme).
/// Adds to the shared defaults what a poller needs: a slow-drip limit, a body cap counted after
/// decompression, gzip and deflate, the User-Agent, and the headers of the response.
package final class CurlTransfer {
    package struct Result {
        package var status: Int
        package var headers: [String: String]
        package var body: [UInt8]
        package var redirectURL: String?
        package var contentType: String
    }

    package enum Failure: Error {
        case tooLarge
        /// `TransferStop` was requested while the transfer ran.
        case stopped
        case blockedAddress(address: String, range: String)
        case transport(code: Int, message: String)
    }

    /// State shared with the C callbacks for one perform.
    final class Sink {
        var body: [UInt8] = []
        var headers: [String: String] = [:]
        var cap = 0
        var overflowed = false
    }

    let easy: CurlEasy
    let policy: HTTPPolicy
    let sink = Sink()

    package init(policy: HTTPPolicy) throws {
        guard let easy = CurlEasy(protocols: "http,https", connectTimeout: policy.connectTimeout, totalTimeout: policy.totalTimeout,
                                  caBundle: policy.caBundle, allowPrivateNetwork: policy.allowPrivateNetwork) else {
            throw Failure.transport(code: -1, message: "cannot initialize libcurl")
        }
        self.easy = easy
        self.policy = policy
        configure()
    }

    var handle: UnsafeMutableRawPointer { easy.handle }

    private func configure() {
        ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, policy.lowSpeedTime)
        // Early refusal on a declared Content-Length; the write callback enforces the real cap.
        ccurl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(policy.maxBytes))
        ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "gzip, deflate")
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, policy.userAgent)
        let me = Unmanaged.passUnretained(sink).toOpaque()
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, me)
        ccurl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, userData in
            guard let data, let userData else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(userData).takeUnretainedValue()
            let n = size * count
            // Counted after curl's decoder: a gzip bomb stops here, at the cap.
            if sink.body.count + n > sink.cap {
                sink.overflowed = true
                return ccurl_write_error()
            }
            data.withMemoryRebound(to: UInt8.self, capacity: n) { sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
            return n
        }
        ccurl_setopt_xferinfo_function(handle) { _, _, _, _, _ in TransferStop.isRequested ? 1 : 0 }
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, me)
        ccurl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, userData in
            guard let data, let userData else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(userData).takeUnretainedValue()
            let n = size * count
            let line = data.withMemoryRebound(to: UInt8.self, capacity: n) {
                String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self)
            }
            if line.hasPrefix("HTTP/") { sink.headers = [:] } // a new response (1xx, proxy): start over
            if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                sink.headers[name] = value
            }
            return n
        }
    }

    /// Performs one GET of `url` with `headers` (each "Name: value").
    package func perform(_ url: String, headers: [String]) throws -> Result {
        sink.body = []
        sink.headers = [:]
        sink.cap = policy.maxBytes
        sink.overflowed = false
        ccurl_setopt_string(handle, CURLOPT_URL, url)
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for h in headers { list = curl_slist_append(list, h) }
        defer { curl_slist_free_all(list) }
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        switch easy.perform() {
        case let .blocked(address, range):
            throw Failure.blockedAddress(address: address, range: range)
        case let .failed(code, message):
            if sink.overflowed || code == CURLE_FILESIZE_EXCEEDED { throw Failure.tooLarge }
            if code == CURLE_ABORTED_BY_CALLBACK { throw Failure.stopped }
            throw Failure.transport(code: Int(code.rawValue), message: message)
        case .done:
            break
        }
        var redirect: UnsafeMutablePointer<CChar>? = nil
        ccurl_getinfo_string(handle, CURLINFO_REDIRECT_URL, &redirect)
        var contentType: UnsafeMutablePointer<CChar>? = nil
        ccurl_getinfo_string(handle, CURLINFO_CONTENT_TYPE, &contentType)
        return Result(status: easy.responseCode, headers: sink.headers, body: sink.body,
                      redirectURL: redirect.map { String(cString: $0) },
                      contentType: contentType.map { String(cString: $0) } ?? "")
    }
}
