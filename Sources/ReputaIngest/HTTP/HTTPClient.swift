import CCurl
import Foundation

/// A response body and what the caller needs to know about it.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: [UInt8]
    public var effectiveURL: String
    public var contentType: String
}

/// Blocking GET over libcurl with the safety rails every fetch needs: http/https only (also on
/// redirects), at most 5 redirects, connect/total/low-speed timeouts, TLS verification on, and
/// a byte cap counted in the write callback, i.e. after decompression.
public struct HTTPClient: Sendable {
    public var maxBytes: Int
    public var connectTimeout: Int
    public var totalTimeout: Int
    public var userAgent: String

    public init(maxBytes: Int = 15 << 20, connectTimeout: Int = 10, totalTimeout: Int = 30,
                userAgent: String = "Reputa/0.1 (+https://github.com/reputa; review monitor)") {
        self.maxBytes = maxBytes
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.userAgent = userAgent
    }

    static let initialized: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    final class Sink {
        var body: [UInt8] = []
        let cap: Int
        var overflowed = false
        init(cap: Int) { self.cap = cap }
    }

    /// - Throws: `FetchError` naming `source` and the URL.
    public func get(_ url: String, source: String) throws -> HTTPResponse {
        _ = Self.initialized
        guard let handle = curl_easy_init() else {
            throw FetchError(source: source, url: url, message: "cannot initialize libcurl")
        }
        defer { curl_easy_cleanup(handle) }
        let sink = Sink(cap: maxBytes)
        ccurl_setopt_string(handle, CURLOPT_URL, url)
        ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        ccurl_setopt_long(handle, CURLOPT_MAXREDIRS, 5)
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeout)
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT, totalTimeout)
        ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, 15)
        ccurl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxBytes))
        ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
        ccurl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, userData in
            guard let data, let userData else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(userData).takeUnretainedValue()
            let n = size * count
            if sink.body.count + n > sink.cap {
                sink.overflowed = true
                return ccurl_write_error()
            }
            data.withMemoryRebound(to: UInt8.self, capacity: n) { sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
            return n
        }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorBuffer.withUnsafeMutableBufferPointer { buf -> CURLcode in
            ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buf.baseAddress)
            return withExtendedLifetime(sink) { curl_easy_perform(handle) }
        }
        if sink.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            throw FetchError(source: source, url: url, message: "response too large (limit \(maxBytes) bytes)")
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw FetchError(source: source, url: url, message: reason)
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>? = nil
        ccurl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        var contentType: UnsafeMutablePointer<CChar>? = nil
        ccurl_getinfo_string(handle, CURLINFO_CONTENT_TYPE, &contentType)
        let response = HTTPResponse(status: status, body: sink.body,
                                    effectiveURL: effective.map { String(cString: $0) } ?? url,
                                    contentType: contentType.map { String(cString: $0) } ?? "")
        guard (200..<300).contains(status) else {
            throw FetchError(source: source, url: url, message: "HTTP \(status)")
        }
        guard !response.body.isEmpty else {
            throw FetchError(source: source, url: url, message: "empty response (Content-Type \(response.contentType.isEmpty ? "none" : response.contentType))")
        }
        return response
    }
}
