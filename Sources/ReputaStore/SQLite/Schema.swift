/// Versioned migrations, applied in order, each in its own transaction with a bump of
/// `PRAGMA user_version`, so a binary can tell a store written by a newer schema.
enum Schema {
    static let migrations: [(id: String, sql: String)] = [
        ("v1-reviews", """
        CREATE TABLE snapshots (
            id          INTEGER PRIMARY KEY,
            source      TEXT NOT NULL,
            sha256      TEXT NOT NULL,
            path        TEXT NOT NULL,
            origin      TEXT NOT NULL,
            bytes       INTEGER NOT NULL,
            captured_at TEXT NOT NULL,
            UNIQUE (source, sha256)
        ) STRICT;

        -- The file-hash ledger: one row per payload whose reviews are in the store.
        CREATE TABLE imports (
            id              INTEGER PRIMARY KEY,
            source          TEXT NOT NULL,
            sha256          TEXT NOT NULL,
            snapshot_id     INTEGER NOT NULL REFERENCES snapshots(id),
            descriptor      TEXT NOT NULL,
            imported_at     TEXT NOT NULL,
            new_count       INTEGER NOT NULL,
            updated_count   INTEGER NOT NULL,
            unchanged_count INTEGER NOT NULL,
            removed_count   INTEGER NOT NULL,
            skipped_count   INTEGER NOT NULL,
            UNIQUE (source, sha256)
        ) STRICT;

        CREATE TABLE reviews (
            id                INTEGER PRIMARY KEY,
            source            TEXT NOT NULL,
            portal            TEXT NOT NULL,
            external_id       TEXT NOT NULL,
            location          TEXT NOT NULL,
            competitor        TEXT NOT NULL,
            rating            REAL,
            scale_min         REAL NOT NULL,
            scale_max         REAL NOT NULL,
            rating_100        REAL,
            title             TEXT NOT NULL,
            text              TEXT NOT NULL,
            language          TEXT NOT NULL,
            author            TEXT NOT NULL,
            created_at        TEXT,
            created_offset    INTEGER,
            updated_at        TEXT,
            updated_offset    INTEGER,
            reply_text        TEXT NOT NULL,
            reply_at          TEXT,
            has_reply         INTEGER NOT NULL,
            url               TEXT NOT NULL,
            helpful_votes     INTEGER,
            app_version       TEXT NOT NULL,
            week              TEXT,
            content_hash      TEXT NOT NULL,
            revision          INTEGER NOT NULL,
            first_snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
            snapshot_id       INTEGER NOT NULL REFERENCES snapshots(id),
            deleted_at        TEXT,
            UNIQUE (source, external_id)
        ) STRICT;

        -- Weekly aggregates (count, mean rating, reply rate per source × location × week) are
        -- answered from this index alone, without reading review text. Not a partial index:
        -- SQLite only covers a query from an index that holds every column it names, deleted_at too.
        CREATE INDEX reviews_weekly ON reviews
            (source, week, location, competitor, rating, rating_100, has_reply, deleted_at);
        CREATE INDEX reviews_created ON reviews (created_at);

        -- Earlier contents of edited reviews, newest revision in `reviews` itself.
        CREATE TABLE review_revisions (
            review_id    INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
            revision     INTEGER NOT NULL,
            rating       REAL,
            title        TEXT NOT NULL,
            text         TEXT NOT NULL,
            reply_text   TEXT NOT NULL,
            reply_at     TEXT,
            updated_at   TEXT,
            content_hash TEXT NOT NULL,
            snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id),
            replaced_at  TEXT NOT NULL,
            PRIMARY KEY (review_id, revision)
        ) STRICT;
        """),
        ("v2-source-state", """
        -- What Reputa knows about each source beyond its reviews: the last attempt and its
        -- outcome, when it may be polled again (429 Retry-After), and what the portal says
        -- about itself (its own review total, the cap of the route we read it through).
        CREATE TABLE source_state (
            source             TEXT PRIMARY KEY,
            last_attempt_at    TEXT,
            last_success_at    TEXT,
            last_error         TEXT,
            last_error_at      TEXT,
            consecutive_errors INTEGER NOT NULL DEFAULT 0,
            error_count        INTEGER NOT NULL DEFAULT 0,
            next_check_at      TEXT,
            portal_total       INTEGER,
            portal_total_at    TEXT,
            route_cap          INTEGER
        ) STRICT;

        -- Conditional-GET validators per fetched URL, written in the same transaction as
        -- the reviews they describe (so a crash can never skip a page that was not stored).
        CREATE TABLE http_validators (
            source        TEXT NOT NULL,
            url           TEXT NOT NULL,
            etag          TEXT,
            last_modified TEXT,
            checked_at    TEXT NOT NULL,
            PRIMARY KEY (source, url)
        ) STRICT;

        ALTER TABLE reviews ADD COLUMN translation TEXT NOT NULL DEFAULT '';
        """),
    ]

    static var latestVersion: Int { migrations.count }
}
