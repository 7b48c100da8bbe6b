import ReputaCore

/// Users of `reputa serve`, the same on both stores. Passwords arrive hashed (bcrypt text,
/// `ReputaWeb.Password`): the store never sees one in clear.
extension SQLStore {
    /// Adds `user`; false when the name is taken (nothing changed).
    public func addUser(_ user: WebUser, passwordHash: String, at now: Timestamp) throws -> Bool {
        try writing { db in
            try db.execute("""
                INSERT INTO users (name, password_hash, role, locations, lang, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO NOTHING
                """, user.name, passwordHash, user.role.rawValue, FlagRecords.json(user.locations), user.lang, now.utcISO,
                now.utcISO) == 1
        }
    }

    /// Changes what is given of `name`'s password, role, locations and language; false when there
    /// is no such user. A new password also ends every session of theirs.
    public func updateUser(_ name: String, passwordHash: String? = nil, role: UserRole? = nil, locations: [String]? = nil,
                           lang: String? = nil, at now: Timestamp) throws -> Bool {
        try writing { db in
            guard try db.fetchOne("SELECT name FROM users WHERE name = ?", name) != nil else { return false }
            if let passwordHash {
                try db.execute("UPDATE users SET password_hash = ? WHERE name = ?", passwordHash, name)
                try db.execute("DELETE FROM web_sessions WHERE user_name = ?", name)
                try db.execute("DELETE FROM login_failures WHERE name = ?", name)
            }
            if let role { try db.execute("UPDATE users SET role = ? WHERE name = ?", role.rawValue, name) }
            if let locations { try db.execute("UPDATE users SET locations = ? WHERE name = ?", FlagRecords.json(locations), name) }
            if let lang { try db.execute("UPDATE users SET lang = ? WHERE name = ?", lang, name) }
            try db.execute("UPDATE users SET updated_at = ? WHERE name = ?", now.utcISO, name)
            return true
        }
    }

    /// Removes `name` and their sessions; false when there is no such user.
    public func removeUser(_ name: String) throws -> Bool {
        try writing { db in
            try db.execute("DELETE FROM web_sessions WHERE user_name = ?", name)
            try db.execute("DELETE FROM login_failures WHERE name = ?", name)
            return try db.execute("DELETE FROM users WHERE name = ?", name) == 1
        }
    }

    /// Every user, by name.
    public func users() throws -> [WebUser] {
        try reading { db in try UserRecords.users(db) }
    }

    /// `name` and their password hash, nil when there is no such user.
    public func userCredentials(_ name: String) throws -> (user: WebUser, passwordHash: String)? {
        try reading { db in
            try db.fetchOne("SELECT name, role, locations, lang, password_hash FROM users WHERE name = ?", name).map {
                (UserRecords.user($0), $0["password_hash"] as String)
            }
        }
    }
}

enum UserRecords {
    static func users(_ db: any SQLConnection) throws -> [WebUser] {
        try db.fetch("SELECT name, role, locations, lang FROM users ORDER BY name").map(user)
    }

    static func user(_ row: SQLRecord) -> WebUser {
        WebUser(name: row["name"], role: UserRole(rawValue: row["role"]) ?? .viewer, locations: FlagRecords.list(row["locations"]),
                lang: row["lang"])
    }
}
