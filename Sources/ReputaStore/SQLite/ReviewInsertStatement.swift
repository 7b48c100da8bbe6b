import GRDB
import GRDBSQLite
import ReputaCore

/// SQLite's fast path for new reviews: one cached `INSERT … ON CONFLICT (merge_key) DO
/// NOTHING` per review, bound through SQLite's C API. Building GRDB's `StatementArguments`
/// (32 boxed values per review) was a fifth of a CSV import (perf, `make bench`, issue 3);
/// everything else about the statement stays GRDB's. The values and their order are
/// `ReviewInsert.values`'.
extension GRDBConnection {
    func reviewInserter() throws -> ReviewInserter {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO reviews (\(ReviewInsert.columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: ReviewInsert.columns.count).joined(separator: ", ")))
            ON CONFLICT (merge_key) DO NOTHING
            """)
        return { rows in try rows.map { try self.insert($0, with: statement.sqliteStatement) } }
    }

    private func insert(_ row: ReviewInsert, with s: SQLiteStatement) throws -> Bool {
        sqlite3_reset(s)
        var i: Int32 = 0
        func text(_ value: String) {
            i += 1
            var value = value
            value.withUTF8 { p in
                if let base = p.baseAddress {
                    _ = sqlite3_bind_text(s, i, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                          Int32(p.count), SQLITE_TRANSIENT)
                } else {
                    _ = sqlite3_bind_text(s, i, "", 0, SQLITE_TRANSIENT) // empty, never NULL
                }
            }
        }
        func optionalText(_ value: String?) {
            if let value { text(value) } else { i += 1; sqlite3_bind_null(s, i) }
        }
        func real(_ value: Double?) {
            i += 1
            if let value { sqlite3_bind_double(s, i, value) } else { sqlite3_bind_null(s, i) }
        }
        func integer(_ value: Int64?) {
            i += 1
            if let value { sqlite3_bind_int64(s, i, value) } else { sqlite3_bind_null(s, i) }
        }
        let r = row.review
        text(r.source); text(r.portal); text(r.externalID); text(r.location); text(r.competitor)
        real(r.rating?.value); real(r.rating?.scale.min ?? 1); real(r.rating?.scale.max ?? 5); real(r.rating?.normalized)
        text(r.title); text(r.text); text(r.language); text(r.author)
        optionalText(r.createdAt?.utcISO); integer(r.createdAt.map { Int64($0.offsetSeconds) })
        optionalText(r.updatedAt?.utcISO); integer(r.updatedAt.map { Int64($0.offsetSeconds) })
        text(r.replyText); optionalText(r.replyAt?.utcISO); integer(r.replyText.isEmpty ? 0 : 1)
        text(r.url); integer(r.helpfulVotes.map(Int64.init)); text(r.appVersion)
        optionalText(row.week); text(row.hash)
        integer(1); integer(row.snapshotID); integer(row.snapshotID); text(r.translation); text(row.key)
        real(row.replyMinutes); integer(r.authorReviews.map(Int64.init))
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return sqlite3_changes(db.sqliteConnection) == 1
    }
}

/// SQLite's "copy the bytes now" destructor, a C macro Swift cannot import.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
