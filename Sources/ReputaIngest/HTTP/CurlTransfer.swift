import CCurl
import Foundation

/// One libcurl request/response on a reusable easy handle, without following redirects (the
/// client follows them itself, so it can drop credentials when the host changes and check each
/// hop's scheme). Connections are vetted in the open-socket callback on the resolved address.
final class CurlTransfer {
    struct Result {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var redirectURL: String?
        var contentType: String
    }

    enum Failure: Error {
        case tooLarge
        case blockedAddress(address: String, range: String)
        case transport(code: Int, message: String)
    }

    /// State shared with the C callbacks for one perform.
    final class Sink {
        var body: [UInt8] = []
        var headers: [String: String] = [:]
        var cap = 0
        var overflowed = false
        var allowPrivate = false
        var blocked: (address: String, range: String)?
    }

    static let initialized: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    let handle: UnsafeMutableRawPointer
    let policy: HTTPPolicy
    let sink = Sink()

    init(policy: HTTPPolicy) throws {
        _ = Self.initialized
        guard let h = curl_easy_init() else { throw Failure.transport(code: -1, message: "cannot initialize libcurl") }
        handle = h
        self.policy = policy
        configure()
    }

    deinit { curl_easy_cleanup(handle) }

    private func configure() {
        ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let ca = policy.caBundle { ccurl_setopt_string(handle, CURLOPT_CAINFO, ca) }
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, policy.connectTimeout)
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT, policy.totalTimeout)
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
        ccurl_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, me)
        ccurl_setopt_opensocket_function(handle) { clientp, _, address in
            guard let clientp, let address else { return -1 }
            let sink = Unmanaged<Sink>.fromOpaque(clientp).takeUnretainedValue()
            var raw = [UInt8](repeating: 0, count: 16)
            let n = Int(ccurl_sockaddr_bytes(address, &raw))
            let bytes = Array(raw.prefix(n))
            if !sink.allowPrivate, let range = NetworkAddress.nonPublicRange(bytes) {
                sink.blocked = (NetworkAddress.text(bytes), range)
                return -1 // CURL_SOCKET_BAD: curl reports a connect failure, we report why
            }
            return ccurl_open_socket(address)
        }
    }

    /// Performs one GET of `url` with `headers` (each "Name: value").
    func perform(_ url: String, headers: [String]) throws -> Result {
        sink.body = []
        sink.headers = [:]
        sink.cap = policy.maxBytes
        sink.overflowed = false
        sink.allowPrivate = policy.allowPrivateNetwork
        sink.blocked = nil
        ccurl_setopt_string(handle, CURLOPT_URL, url)
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for h in headers { list = curl_slist_append(list, h) }
        defer { curl_slist_free_all(list) }
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorBuffer.withUnsafeMutableBufferPointer { buf -> CURLcode in
            ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buf.baseAddress)
            defer { ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil) }
            return curl_easy_perform(handle)
        }
        if let blocked = sink.blocked { throw Failure.blockedAddress(address: blocked.address, range: blocked.range) }
        if sink.overflowed || code == CURLE_FILESIZE_EXCEEDED { throw Failure.tooLarge }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw Failure.transport(code: Int(code.rawValue), message: detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var redirect: UnsafeMutablePointer<CChar>? = nil
        ccurl_getinfo_string(handle, CURLINFO_REDIRECT_URL, &redirect)
        var contentType: UnsafeMutablePointer<CChar>? = nil
        ccurl_getinfo_string(handle, CURLINFO_CONTENT_TYPE, &contentType)
        return Result(status: status, headers: sink.headers, body: sink.body,
                      redirectURL: redirect.map { String(cString: $0) },
                      contentType: contentType.map { String(cString: $0) } ?? "")
    }
}
