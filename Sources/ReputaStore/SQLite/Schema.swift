import GRDB
import ReputaCore

/// Versioned migrations, applied in order, each in its own transaction with a bump of
/// `PRAGMA user_version`, so a binary can tell a store written by a newer schema.
enum Schema {
    /// One step: its SQL, then an optional pass in Swift for what SQL cannot compute.
    struct Migration: Sendable {
        var id: String
        var sql: String
        var then: (@Sendable (Database) throws -> Void)? = nil
    }

    static let migrations: [Migration] = [
        Migration(id: "v1-reviews", sql: """
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
        Migration(id: "v2-source-state", sql: """
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
        Migration(id: "v3-merge-key", sql: """
        -- One row per review whatever route brought it: identity moves from (source, external_id)
        -- to `merge_key` (PortalIdentity), so an API review and the same review in an owner
        -- export meet on one unique index. SQLite cannot drop a constraint, so the table is
        -- rebuilt (sqlite.org/lang_altertable.html, "other kinds of table schema changes").
        CREATE TABLE reviews_v3 (
            id                INTEGER PRIMARY KEY,
            source            TEXT NOT NULL,
            portal            TEXT NOT NULL,
            external_id       TEXT NOT NULL,
            merge_key         TEXT NOT NULL UNIQUE,
            location          TEXT NOT NULL,
            competitor        TEXT NOT NULL,
            rating            REAL,
            scale_min         REAL NOT NULL,
            scale_max         REAL NOT NULL,
            rating_100        REAL,
            title             TEXT NOT NULL,
            text              TEXT NOT NULL,
            translation       TEXT NOT NULL,
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
            deleted_at        TEXT
        ) STRICT;
        INSERT INTO reviews_v3 SELECT id, source, portal, external_id, 's:' || source || char(31) || external_id,
            location, competitor, rating, scale_min, scale_max, rating_100, title, text, translation, language,
            author, created_at, created_offset, updated_at, updated_offset, reply_text, reply_at, has_reply, url,
            helpful_votes, app_version, week, content_hash, revision, first_snapshot_id, snapshot_id, deleted_at
            FROM reviews;
        DROP TABLE reviews;
        ALTER TABLE reviews_v3 RENAME TO reviews;
        CREATE INDEX reviews_weekly ON reviews
            (source, week, location, competitor, rating, rating_100, has_reply, deleted_at);
        -- v1's `reviews_created` index is not rebuilt: it served only `reviews --since` (a scan
        -- of a million rows takes a fraction of a second) and cost a fifth of a big import,
        -- each review landing on a random page of it (`make bench`, issue 3).

        -- The other sources that delivered a review, beside `reviews.source` (the first one):
        -- per-source coverage and `reviews --source` count a review for every route it came by.
        CREATE TABLE review_routes (
            source      TEXT NOT NULL,
            external_id TEXT NOT NULL,
            review_id   INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
            seen_at     TEXT NOT NULL,
            PRIMARY KEY (source, external_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX review_routes_review ON review_routes (review_id);
        """, then: assignPortalKeys),
        Migration(id: "v4-internal-data", sql: """
        -- What the company measures itself (issue 4): survey answers, helpdesk tickets, customer
        -- counts per period and per-customer health signals. Each row is keyed by its source and
        -- the export's own id, so re-importing an overlapping export updates rather than doubles;
        -- `content_hash` tells an unchanged row from an edited one. Segments are a JSON object.
        CREATE TABLE survey_answers (
            source          TEXT NOT NULL,
            response_id     TEXT NOT NULL,
            question        TEXT NOT NULL,
            metric          TEXT NOT NULL,
            scale           TEXT NOT NULL,
            score           REAL,
            submitted_at    TEXT NOT NULL,
            submitted_epoch INTEGER NOT NULL,
            comment         TEXT NOT NULL,
            segments        TEXT NOT NULL,
            content_hash    TEXT NOT NULL,
            snapshot_id     INTEGER NOT NULL REFERENCES snapshots(id),
            PRIMARY KEY (source, response_id, question)
        ) STRICT;

        CREATE TABLE tickets (
            source                    TEXT NOT NULL,
            ticket_id                 TEXT NOT NULL,
            created_at                TEXT NOT NULL,
            created_epoch             INTEGER NOT NULL,
            first_reply_min           REAL,
            first_reply_business_min  REAL,
            first_assign_min          REAL,
            first_assign_business_min REAL,
            resolution_min            REAL,
            resolution_business_min   REAL,
            solved                    INTEGER NOT NULL,
            reopens                   INTEGER,
            replies                   INTEGER,
            segments                  TEXT NOT NULL,
            content_hash              TEXT NOT NULL,
            snapshot_id               INTEGER NOT NULL REFERENCES snapshots(id),
            PRIMARY KEY (source, ticket_id)
        ) STRICT;

        CREATE TABLE customer_periods (
            source      TEXT NOT NULL,
            first_day   TEXT NOT NULL,
            last_day    TEXT NOT NULL,
            segments    TEXT NOT NULL,
            start_count INTEGER,
            end_count   INTEGER,
            new_count   INTEGER,
            lost_count  INTEGER,
            visits      INTEGER,
            sales       INTEGER,
            content_hash TEXT NOT NULL,
            snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
            PRIMARY KEY (source, first_day, last_day, segments)
        ) STRICT;

        CREATE TABLE health_signals (
            source      TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            as_of       TEXT NOT NULL,
            segments    TEXT NOT NULL,
            numbers     TEXT NOT NULL,
            labels      TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
            PRIMARY KEY (source, customer_id, as_of)
        ) STRICT;
        """),
        Migration(id: "v5-weekly-comparison", sql: """
        -- The weekly comparer (issue 5) reads ratings, replies and reply delays of a window of
        -- weeks from one covering index. `reply_minutes` is written by the review writer
        -- (reply − creation, when both are known and in order); a virtual generated column was
        -- tried first, but SQLite 3.40 does not cover a query from an index on one.
        ALTER TABLE reviews ADD COLUMN reply_minutes REAL;
        UPDATE reviews SET reply_minutes = round((julianday(reply_at) - julianday(created_at)) * 1440, 2)
            WHERE has_reply = 1 AND reply_at IS NOT NULL AND created_at IS NOT NULL AND reply_at >= created_at;
        DROP INDEX reviews_weekly;
        CREATE INDEX reviews_weekly ON reviews
            (source, week, location, competitor, rating, rating_100, has_reply, reply_minutes, deleted_at);
        -- Survey answers and tickets of a window are read by date, not all at once.
        CREATE INDEX survey_answers_submitted ON survey_answers (submitted_epoch);
        CREATE INDEX tickets_created ON tickets (created_epoch);
        """),
        Migration(id: "v6-flags", sql: """
        -- Flagged reviews and the on-call workflow (issue 6). Keyed by the review's merge key,
        -- not its row id: `reparse` rebuilds a source's rows, and a flag's history (who acked,
        -- who resolved) must survive that. Lists are JSON arrays.
        CREATE TABLE flags (
            id               INTEGER PRIMARY KEY,
            merge_key        TEXT NOT NULL UNIQUE,
            revision         INTEGER NOT NULL,
            priority         INTEGER NOT NULL,
            level            TEXT NOT NULL CHECK (level IN ('urgent', 'high', 'normal')),
            reasons          TEXT NOT NULL,
            categories       TEXT NOT NULL,
            topics           TEXT NOT NULL,
            channels         TEXT NOT NULL,
            text_score       REAL NOT NULL,
            location         TEXT NOT NULL,
            review_created   TEXT,
            flagged_at       TEXT NOT NULL,
            due_at           TEXT NOT NULL,
            status           TEXT NOT NULL CHECK (status IN ('open', 'acked', 'resolved')),
            assignee         TEXT,
            acked_by         TEXT,
            acked_at         TEXT,
            resolved_at      TEXT,
            resolution       TEXT,
            note             TEXT,
            response_minutes REAL
        ) STRICT;
        CREATE INDEX flags_status ON flags (status, level, due_at);

        -- Every step of a flag's history, for `reputa flags show`.
        CREATE TABLE flag_events (
            flag_id INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
            at      TEXT NOT NULL,
            action  TEXT NOT NULL,
            actor   TEXT NOT NULL,
            note    TEXT NOT NULL
        ) STRICT;
        CREATE INDEX flag_events_flag ON flag_events (flag_id);

        -- The content the flagger last looked at, per review, flagged or not: a review is
        -- evaluated again only when its content (rating, text, reply…) changes.
        CREATE TABLE flag_checks (
            merge_key    TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;
        """),
        Migration(id: "v7-alert-outbox", sql: """
        -- Alerts go out through an outbox written in the same transaction as the flag: one row
        -- per review revision and channel (the unique key makes a second enqueue a no-op), sent
        -- and retried with backoff by the deliverer, cancelled when the flag is resolved first.
        CREATE TABLE alert_outbox (
            id              INTEGER PRIMARY KEY,
            flag_id         INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
            merge_key       TEXT NOT NULL,
            revision        INTEGER NOT NULL,
            channel         TEXT NOT NULL,
            created_at      TEXT NOT NULL,
            status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'cancelled')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error      TEXT,
            sent_at         TEXT,
            UNIQUE (merge_key, revision, channel)
        ) STRICT;
        CREATE INDEX alert_outbox_due ON alert_outbox (status, next_attempt_at);
        """),
        Migration(id: "v8-alert-digests", sql: """
        -- A digest carries several alerts in one message: its members share a batch id, written
        -- before the message is sent, so a retry or a restart sends the same digest under the
        -- same delivery id. `note` says why an alert waits (quiet hours, throttle).
        ALTER TABLE alert_outbox ADD COLUMN batch TEXT;
        ALTER TABLE alert_outbox ADD COLUMN note TEXT;
        CREATE INDEX alert_outbox_batch ON alert_outbox (batch) WHERE batch IS NOT NULL;
        CREATE INDEX alert_outbox_sent ON alert_outbox (channel, sent_at) WHERE status = 'sent';
        """),
        Migration(id: "v9-author-reviews", sql: """
        -- How many reviews the author has written on the portal, when the portal says: a
        -- counter refreshed in place like helpful_votes, not part of the content hash.
        ALTER TABLE reviews ADD COLUMN author_reviews INTEGER;
        """),
        Migration(id: "v10-flag-event-ids", sql: """
        -- Events get an id of their own, so both stores list a flag's history in the order it
        -- was written (PostgreSQL has no rowid). Rebuilt with the rowid as the id, last like
        -- the column PostgreSQL adds.
        CREATE TABLE flag_events_v10 (
            flag_id INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
            at      TEXT NOT NULL,
            action  TEXT NOT NULL,
            actor   TEXT NOT NULL,
            note    TEXT NOT NULL,
            id      INTEGER PRIMARY KEY
        ) STRICT;
        INSERT INTO flag_events_v10 (flag_id, at, action, actor, note, id)
            SELECT flag_id, at, action, actor, note, rowid FROM flag_events;
        DROP TABLE flag_events;
        ALTER TABLE flag_events_v10 RENAME TO flag_events;
        CREATE INDEX flag_events_flag ON flag_events (flag_id);
        """),
        // Work several `reputa watch` processes share: a source's fetch (`source:NAME`, with
        // the shared schedule in `due_at`), the flag pass and alert delivery. `holder` is
        // `host/pid` of the worker that took it, until `lease_until`.
        Migration(id: "v11-leases", sql: """
        CREATE TABLE leases (
            name        TEXT PRIMARY KEY,
            due_at      TEXT NOT NULL,
            holder      TEXT,
            lease_until TEXT
        ) STRICT;
        """),
        // PostgreSQL's step 12 makes its text compare by bytes; SQLite's BINARY collation
        // always has. Nothing to do here but keep the two stores' numbering in step.
        Migration(id: "v12-byte-order-text", sql: ""),
        // `reputa serve` (issue 24): who may sign in, their sessions and failed sign-ins (in the
        // store, so several instances behind one balancer share them), and reply drafts.
        // `password_hash` is bcrypt's text; a session is known by the SHA-256 of its cookie, never
        // the cookie itself; `locations` is a JSON list (empty: every location).
        Migration(id: "v13-web", sql: """
        CREATE TABLE users (
            name          TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            role          TEXT NOT NULL CHECK (role IN ('viewer', 'oncall', 'admin')),
            locations     TEXT NOT NULL DEFAULT '[]',
            lang          TEXT NOT NULL DEFAULT '',
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        ) STRICT;
        CREATE TABLE web_sessions (
            token_hash TEXT PRIMARY KEY,
            user_name  TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
            csrf       TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX web_sessions_user ON web_sessions (user_name);
        CREATE TABLE login_failures (
            name            TEXT PRIMARY KEY,
            failures        INTEGER NOT NULL,
            last_failure_at TEXT NOT NULL,
            locked_until    TEXT
        ) STRICT;
        CREATE TABLE reply_drafts (
            flag_id    INTEGER PRIMARY KEY REFERENCES flags(id) ON DELETE CASCADE,
            text       TEXT NOT NULL,
            lang       TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        """),
        // The queue's order (`flags`, the inbox), as an index: a page of a long queue is read off it
        // instead of sorting every flag (100,000 flags: see docs/inbox.md).
        Migration(id: "v14-flag-queue-index", sql: """
        CREATE INDEX flags_queue ON flags ((status = 'resolved'), priority DESC, due_at, (COALESCE(review_created, '9999')), merge_key);
        """),
        // When the channels of `notifications.quiet_sources` were told that the source went quiet;
        // NULL again once it brings reviews, so the next quiet spell is told too (issue 25).
        Migration(id: "v15-quiet-source-alerts", sql: """
        ALTER TABLE source_state ADD COLUMN quiet_alerted_at TEXT;
        """),
    ]

    /// Gives every stored review its portal-wide key where it has one. When two sources
    /// already hold the same review, the first stays keyed by its source and the later one
    /// becomes a route of it, so nothing is lost and nothing is counted twice.
    static func assignPortalKeys(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, source, portal, external_id FROM reviews ORDER BY id")
        for row in rows {
            let source: String = row["source"], portal: String = row["portal"], id: String = row["external_id"]
            guard PortalIdentity.globalID(portal: portal, externalID: id) != nil else { continue }
            let key = PortalIdentity.key(source: source, portal: portal, externalID: id)
            if let holder = try Int64.fetchOne(db, sql: "SELECT id FROM reviews WHERE merge_key = ?", arguments: [key]) {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO review_routes (source, external_id, review_id, seen_at)
                    SELECT source, external_id, ?, COALESCE((SELECT captured_at FROM snapshots WHERE id = snapshot_id), '')
                    FROM reviews WHERE id = ?
                    """, arguments: [holder, row["id"]])
                try db.execute(sql: "DELETE FROM review_revisions WHERE review_id = ?", arguments: [row["id"]])
                try db.execute(sql: "DELETE FROM reviews WHERE id = ?", arguments: [row["id"]])
            } else {
                try db.execute(sql: "UPDATE reviews SET merge_key = ? WHERE id = ?", arguments: [key, row["id"]])
            }
        }
    }

    static var latestVersion: Int { migrations.count }
}
