import CCurl
import Foundation

/// One libcurl easy handle with what every request Reputa makes shares, set once here: only
/// the protocols the caller names (for redirects too), no redirect followed by libcurl, no
/// signals, TLS peer and host verified (a CA bundle instead of the system's when given),
/// connect and whole-request deadlines, and every connection vetted on the exact address curl
/// is about to open: a non-public range is refused unless `allowPrivateNetwork` (after DNS, so
/// neither rebinding nor `0x7f.1` spellings get around it; `NetworkAddress`). The GET of
/// fetches (`CurlTransfer`), the POST of webhook channels (`WebhookPoster`) and SMTP
/// (`SMTPMailer`) are built on it.
final class CurlEasy {
    /// What the open-socket callback saw; shared with C through `CURLOPT_OPENSOCKETDATA`.
    final class Vetting {
        let allowPrivate: Bool
        var blocked: (address: String, range: String)?
        init(allowPrivate: Bool) { self.allowPrivate = allowPrivate }
    }

    enum Outcome {
        case done
        case blocked(address: String, range: String)
        case failed(code: CURLcode, message: String)
    }

    static let initialized: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    let handle: UnsafeMutableRawPointer
    let vetting: Vetting

    /// nil when libcurl cannot make a handle (out of memory).
    init?(protocols: String, connectTimeout: Int, totalTimeout: Int, caBundle: String?, allowPrivateNetwork: Bool) {
        _ = Self.initialized
        guard let h = curl_easy_init() else { return nil }
        handle = h
        vetting = Vetting(allowPrivate: allowPrivateNetwork)
        ccurl_setopt_string(h, CURLOPT_PROTOCOLS_STR, protocols)
        ccurl_setopt_string(h, CURLOPT_REDIR_PROTOCOLS_STR, protocols)
        ccurl_setopt_long(h, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 1)
        ccurl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundle { ccurl_setopt_string(h, CURLOPT_CAINFO, caBundle) }
        ccurl_setopt_long(h, CURLOPT_CONNECTTIMEOUT, min(connectTimeout, totalTimeout))
        ccurl_setopt_long(h, CURLOPT_TIMEOUT, totalTimeout)
        ccurl_setopt_pointer(h, CURLOPT_OPENSOCKETDATA, Unmanaged.passUnretained(vetting).toOpaque())
        ccurl_setopt_opensocket_function(h) { clientp, _, address in
            guard let clientp, let address else { return -1 }
            let vetting = Unmanaged<Vetting>.fromOpaque(clientp).takeUnretainedValue()
            var raw = [UInt8](repeating: 0, count: 16)
            let n = Int(ccurl_sockaddr_bytes(address, &raw))
            let bytes = Array(raw.prefix(n))
            if !vetting.allowPrivate, let range = NetworkAddress.nonPublicRange(bytes) {
                vetting.blocked = (NetworkAddress.text(bytes), range)
                return -1 // CURL_SOCKET_BAD: curl reports a connect failure, we report why
            }
            return ccurl_open_socket(address)
        }
    }

    deinit { curl_easy_cleanup(handle) }

    /// Runs the transfer set up on the handle; the reason in libcurl's words when it failed.
    func perform() -> Outcome {
        vetting.blocked = nil
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorBuffer.withUnsafeMutableBufferPointer { buf -> CURLcode in
            ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buf.baseAddress)
            defer { ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil) }
            return curl_easy_perform(handle)
        }
        if let blocked = vetting.blocked { return .blocked(address: blocked.address, range: blocked.range) }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failed(code: code, message: detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
        return .done
    }

    var responseCode: Int {
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return status
    }
}
