/// What one payload did to the store.
public struct ImportCounts: Equatable, Sendable, Codable {
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    /// Reviews tombstoned because a newer full export no longer holds them.
    public var removed = 0
    /// Reviews another source already held (counted as well under updated or unchanged):
    /// the same review reached the store by a second route and was merged, not added.
    public var merged = 0
    /// Rows the parser could not read.
    public var skipped = 0
    /// The same bytes were imported before: nothing was read or written.
    public var alreadyImported = false

    public init() {}

    /// Rows written: new, updated or tombstoned.
    public var changedRows: Int { new + updated + removed }

    public static func + (a: ImportCounts, b: ImportCounts) -> ImportCounts {
        var c = ImportCounts()
        c.new = a.new + b.new
        c.updated = a.updated + b.updated
        c.unchanged = a.unchanged + b.unchanged
        c.removed = a.removed + b.removed
        c.merged = a.merged + b.merged
        c.skipped = a.skipped + b.skipped
        c.alreadyImported = a.alreadyImported && b.alreadyImported
        return c
    }
}
