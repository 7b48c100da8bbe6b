import ReputaCore

/// A configuration that cannot be used: names the file, line, column and key path, with a
/// suggestion when a name looks like a typo.
public struct ConfigError: ReputaError, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var key: String
    public var message: String

    public init(file: String, line: Int = 0, column: Int = 0, key: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var stage: String { "config" }
    public var exitCode: ExitStatus { .usage }
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "config: \(place): " + (key.isEmpty ? "" : "\(key): ") + message
    }
}

/// "did you mean" for typos: the closest candidate within a small edit distance.
package enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    package static func hint(_ word: String, _ candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions counted
    /// as one edit, so "cvs" is nearer "csv" than "rss".
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
