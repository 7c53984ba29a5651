-- PostGuard schema, version 1 (SQLite). Timestamps are ISO-8601 UTC text; ids are text.
CREATE TABLE schools (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    policy_json  TEXT NOT NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE users (
    id          TEXT PRIMARY KEY,
    school_id   TEXT NOT NULL REFERENCES schools(id),
    email       TEXT NOT NULL,
    role        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_users_school ON users(school_id, email);

CREATE TABLE drafts (
    id                   TEXT PRIMARY KEY,
    school_id            TEXT NOT NULL REFERENCES schools(id),
    created_by           TEXT NOT NULL,
    revision             INTEGER NOT NULL,
    status               TEXT NOT NULL,
    decision             TEXT NULL,
    review_state         TEXT NOT NULL,
    earliest_publish_at  TEXT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    version              INTEGER NOT NULL
);
CREATE INDEX ix_drafts_school ON drafts(school_id, created_at);
CREATE INDEX ix_drafts_status ON drafts(status, updated_at);

CREATE TABLE draft_revisions (
    draft_id          TEXT NOT NULL REFERENCES drafts(id),
    revision          INTEGER NOT NULL,
    text              TEXT NOT NULL,
    channels_json     TEXT NOT NULL,
    publish_at        TEXT NULL,
    comments_enabled  INTEGER NOT NULL,
    submitted_by      TEXT NOT NULL,
    submitted_at      TEXT NOT NULL,
    PRIMARY KEY (draft_id, revision)
);

CREATE TABLE draft_images (
    draft_id      TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    blob_sha256   TEXT NOT NULL,
    tags_json     TEXT NOT NULL,
    PRIMARY KEY (draft_id, revision, position),
    FOREIGN KEY (draft_id, revision) REFERENCES draft_revisions(draft_id, revision)
);

-- One decision per draft revision: the primary key makes a redelivered AnalyzeDraft harmless.
CREATE TABLE decisions (
    draft_id       TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    decision       TEXT NOT NULL,
    findings_json  TEXT NOT NULL,
    images_json    TEXT NOT NULL,
    decided_at     TEXT NOT NULL,
    PRIMARY KEY (draft_id, revision),
    FOREIGN KEY (draft_id, revision) REFERENCES draft_revisions(draft_id, revision)
);

CREATE TABLE review_items (
    draft_id     TEXT NOT NULL,
    revision     INTEGER NOT NULL,
    school_id    TEXT NOT NULL,
    decision     TEXT NOT NULL,
    queued_at    TEXT NOT NULL,
    resolved_at  TEXT NULL,
    resolution   TEXT NULL,
    PRIMARY KEY (draft_id, revision)
);
CREATE INDEX ix_review_items_open ON review_items(school_id, resolved_at);

CREATE TABLE audit_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id     TEXT NOT NULL,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    draft_id      TEXT NULL,
    revision      INTEGER NULL,
    details_json  TEXT NOT NULL
);
CREATE INDEX ix_audit_school ON audit_events(school_id, at);

-- The audit trail is append-only.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
