import ReputaCore

/// A flag's reply draft as the inbox saved it: the text someone edited, its language, who and when.
public struct SavedReplyDraft: Equatable, Sendable {
    public var text: String
    public var lang: String
    public var by: String
    public var at: Timestamp
}

/// Reply drafts, the same on both stores: one per flag, kept with it (nothing is posted).
extension SQLStore {
    public func replyDraft(flagID: Int64) throws -> SavedReplyDraft? {
        try reading { db in
            try db.fetchOne("SELECT text, lang, updated_by, updated_at FROM reply_drafts WHERE flag_id = ?", flagID).map {
                SavedReplyDraft(text: $0["text"], lang: $0["lang"], by: $0["updated_by"],
                                at: Timestamp(utcISO: $0["updated_at"]) ?? Timestamp(epochSeconds: 0))
            }
        }
    }

    /// Saves `text` as flag `flagID`'s draft and notes it in the flag's history; false when
    /// there is no such flag.
    public func saveReplyDraft(flagID: Int64, text: String, lang: String, by actor: String, at now: Timestamp) throws -> Bool {
        try writing { db in
            guard try db.fetchOne("SELECT id FROM flags WHERE id = ?", flagID) != nil else { return false }
            try db.execute("""
                INSERT INTO reply_drafts (flag_id, text, lang, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (flag_id) DO UPDATE SET text = excluded.text, lang = excluded.lang, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at
                """, flagID, text, lang, actor, now.utcISO)
            try event(flagID, now.utcISO, "drafted", actor, "reply draft (\(lang)), \(text.count) characters", db)
            return true
        }
    }
}
