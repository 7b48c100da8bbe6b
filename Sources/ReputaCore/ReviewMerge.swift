extension Review {
    /// This review with every field it leaves blank taken from `other`, the same review as
    /// another route delivered it (a Play Console CSV has no author, the Play API no title).
    /// Identity (`source`, `portal`, `externalID`) stays this review's. A reply is taken
    /// whole (text and date together), never half from each.
    public func filled(from other: Review) -> Review {
        var r = self
        if r.location.isEmpty { r.location = other.location }
        if r.rating == nil { r.rating = other.rating }
        if r.title.isEmpty { r.title = other.title }
        if r.text.isEmpty { r.text = other.text }
        if r.translation.isEmpty { r.translation = other.translation }
        if r.language.isEmpty || r.language == "und" { r.language = other.language.isEmpty ? r.language : other.language }
        if r.author.isEmpty { r.author = other.author }
        if r.createdAt == nil { r.createdAt = other.createdAt }
        if r.updatedAt == nil { r.updatedAt = other.updatedAt }
        if r.replyText.isEmpty && r.replyAt == nil { r.replyText = other.replyText; r.replyAt = other.replyAt }
        if r.url.isEmpty { r.url = other.url }
        if r.helpfulVotes == nil { r.helpfulVotes = other.helpfulVotes }
        if r.authorReviews == nil { r.authorReviews = other.authorReviews }
        if r.appVersion.isEmpty { r.appVersion = other.appVersion }
        return r
    }

    /// True when this copy was written strictly later than `other`: by the last edit where
    /// both give one, else by the creation date. A copy without any date is never newer.
    public func isNewer(than other: Review) -> Bool {
        guard let mine = updatedAt ?? createdAt else { return false }
        guard let theirs = other.updatedAt ?? other.createdAt else { return true }
        return mine.epochSeconds > theirs.epochSeconds
    }
}
