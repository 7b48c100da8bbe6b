import Foundation
import ReputaCore

/// One GET: the URL, the source's own headers (credentials), and the validators stored from
/// the last successful fetch of this URL.
public struct HTTPRequest: Sendable {
    public var url: String
    /// Sent to the first host only; dropped when a redirect leaves it.
    public var headers: [(name: String, value: String)]
    public var etag: String?
    public var lastModified: String?

    public init(url: String, headers: [(name: String, value: String)] = [], etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.headers = headers
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What came back. `notModified` is true for a 304, and for a 200 whose ETag equals the one
/// sent (a server that ignores `If-None-Match`); then `body` is empty or to be ignored.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: [UInt8]
    public var effectiveURL: String
    public var contentType: String
    public var etag: String?
    public var lastModified: String?
    public var notModified: Bool
    /// Attempts made, retries included.
    public var attempts: Int

    /// The `charset=` parameter of Content-Type, lowercased, if any.
    public var charset: String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                return kv[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: .init(charactersIn: "\"'")).lowercased()
            }
        }
        return nil
    }
}
