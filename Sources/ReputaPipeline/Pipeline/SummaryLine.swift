import ReputaStore

/// One payload's import in one line: `aurora-play: reviews_202611.csv: 12 new, 1 updated, …`.
public enum SummaryLine {
    public static func text(_ source: String, origin: String, _ c: ImportCounts) -> String {
        if c.alreadyImported {
            return "\(source): \(origin): already imported (0 new, 0 updated)"
        }
        let merged = c.merged > 0 ? " (\(c.merged) already held from another source)" : ""
        return "\(source): \(origin): \(c.new) new, \(c.updated) updated, \(c.unchanged) unchanged\(merged), \(c.removed) removed, \(c.skipped) skipped"
    }
}
