import ReputaCore

/// Sessions of `reputa serve` and its failed sign-ins, in the store so that every instance on
/// one store knows them. A session row holds the SHA-256 of the cookie's token (a leaked
/// database gives no usable cookie) and the session's CSRF token.
extension SQLStore {
    /// Records a new session of `user` until `expires`.
    public func openSession(tokenHash: String, user: String, csrf: String, at now: Timestamp, expires: Timestamp) throws {
        try writing { db in
            try db.execute("DELETE FROM web_sessions WHERE expires_at < ?", now.utcISO)
            try db.execute("""
                INSERT INTO web_sessions (token_hash, user_name, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """, tokenHash, user, csrf, now.utcISO, expires.utcISO)
        }
    }

    /// The live session known by `tokenHash`, with its user (nil when unknown, expired or the
    /// user is gone).
    public func session(tokenHash: String, at now: Timestamp) throws -> (user: WebUser, csrf: String)? {
        try reading { db in
            try db.fetchOne("""
                SELECT u.name, u.role, u.locations, u.lang, s.csrf FROM web_sessions s JOIN users u ON u.name = s.user_name
                WHERE s.token_hash = ? AND s.expires_at > ?
                """, tokenHash, now.utcISO).map { (UserRecords.user($0), $0["csrf"] as String) }
        }
    }

    public func closeSession(tokenHash: String) throws {
        try writing { db in _ = try db.execute("DELETE FROM web_sessions WHERE token_hash = ?", tokenHash) }
    }

    /// Until when sign-ins as `name` are refused, when they are at `now`.
    public func signInLockedUntil(_ name: String, at now: Timestamp) throws -> Timestamp? {
        try reading { db in
            try db.fetchOne("SELECT locked_until FROM login_failures WHERE name = ? AND locked_until > ?", name, now.utcISO)
                .flatMap { ($0["locked_until"] as String?).flatMap(Timestamp.init(utcISO:)) }
        }
    }

    /// Counts a failed sign-in as `name` (known user or not, so a guess tells nothing); from
    /// the `freeFailures`-th failure on, sign-ins as `name` are refused for a delay that doubles
    /// with each further failure (1 min, 2, 4, … at most `maxLockSeconds`). A failure more
    /// than `forgetAfter` seconds after the last starts the count again. Returns the failures
    /// counted and the end of the lock.
    @discardableResult
    public func recordSignInFailure(_ name: String, at now: Timestamp, freeFailures: Int = 5, maxLockSeconds: Int = 3600,
                                    forgetAfter: Int = 3600) throws -> (failures: Int, lockedUntil: Timestamp?) {
        try writing { db in
            // Guesses at names nobody has leave rows: forget the stale ones as new ones come.
            let stale = Timestamp(epochSeconds: now.epochSeconds - Int64(forgetAfter)).utcISO
            try db.execute("DELETE FROM login_failures WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)",
                           stale, now.utcISO)
            // One statement counts the failure, so failures recorded at once (several instances,
            // several connections) are all counted on both engines.
            let failures: Int = try db.fetchOne("""
                INSERT INTO login_failures (name, failures, last_failure_at, locked_until) VALUES (?, 1, ?, NULL)
                ON CONFLICT (name) DO UPDATE SET
                    failures = CASE WHEN login_failures.last_failure_at >= ? THEN login_failures.failures + 1 ELSE 1 END,
                    last_failure_at = excluded.last_failure_at
                RETURNING failures
                """, name, now.utcISO, stale)?["failures"] ?? 1
            var locked: Timestamp?
            if failures >= freeFailures {
                let seconds = min(maxLockSeconds, 60 << min(failures - freeFailures, 20))
                locked = Timestamp(epochSeconds: now.epochSeconds + Int64(seconds))
                try db.execute("UPDATE login_failures SET locked_until = ? WHERE name = ?", locked!.utcISO, name)
            }
            return (failures, locked)
        }
    }

    /// A successful sign-in forgets the failures.
    public func clearSignInFailures(_ name: String) throws {
        try writing { db in _ = try db.execute("DELETE FROM login_failures WHERE name = ?", name) }
    }
}
