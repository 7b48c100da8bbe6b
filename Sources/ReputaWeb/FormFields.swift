import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body (the only kind the pages post),
/// read up to 64 KiB. A repeated name keeps its first value.
struct FormFields: Sendable {
    let values: [String: String]

    init(_ request: Request) async throws {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        self.init(decoding: String(buffer: buffer))
    }

    init(decoding body: String) {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]) else { continue }
            let value = parts.count > 1 ? decode(parts[1]) ?? "" : ""
            if values[name] == nil { values[name] = value }
        }
        self.values = values
    }

    subscript(_ name: String) -> String? { values[name] }

    /// The field trimmed, nil when absent or blank.
    func text(_ name: String) -> String? {
        values[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
