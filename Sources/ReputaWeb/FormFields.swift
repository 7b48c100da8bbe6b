import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body (the only kind the pages post,
/// read up to 64 KiB) or of a query string (the queue's filters, sent by a GET form): `+` is a
/// space in both. `[name]` is a field's first value, `all(name)` every one.
struct FormFields: Sendable {
    let lists: [String: [String]]

    init(_ request: Request) async throws {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        self.init(decoding: String(buffer: buffer))
    }

    init(decoding body: String) {
        var lists: [String: [String]] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]) else { continue }
            lists[name, default: []].append(parts.count > 1 ? decode(parts[1]) ?? "" : "")
        }
        self.lists = lists
    }

    /// A query string's fields.
    init(query request: Request) {
        self.init(decoding: request.uri.query ?? "")
    }

    subscript(_ name: String) -> String? { lists[name]?.first }

    /// Every value of `name`, in order, the empty ones left out.
    func all(_ name: String) -> [String] { (lists[name] ?? []).filter { !$0.isEmpty } }

    /// The field trimmed, nil when absent or blank.
    func text(_ name: String) -> String? {
        self[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
