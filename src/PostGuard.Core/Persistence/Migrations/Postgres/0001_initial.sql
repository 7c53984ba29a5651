-- PostGuard schema, version 1 (PostgreSQL). Ids are text; JSON is kept as text so the
-- product's SQL is shared with SQLite.
CREATE TABLE schools (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    policy_json  text NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE users (
    id          text PRIMARY KEY,
    school_id   text NOT NULL REFERENCES schools(id),
    email       text NOT NULL,
    role        text NOT NULL,
    token_hash  text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_users_school ON users(school_id, email);

CREATE TABLE drafts (
    id                   text PRIMARY KEY,
    school_id            text NOT NULL REFERENCES schools(id),
    created_by           text NOT NULL,
    revision             integer NOT NULL,
    status               text NOT NULL,
    decision             text NULL,
    review_state         text NOT NULL,
    earliest_publish_at  timestamptz NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              integer NOT NULL
);
CREATE INDEX ix_drafts_school ON drafts(school_id, created_at);
CREATE INDEX ix_drafts_status ON drafts(status, updated_at);

CREATE TABLE draft_revisions (
    draft_id          text NOT NULL REFERENCES drafts(id),
    revision          integer NOT NULL,
    text              text NOT NULL,
    channels_json     text NOT NULL,
    publish_at        timestamptz NULL,
    comments_enabled  integer NOT NULL,
    submitted_by      text NOT NULL,
    submitted_at      timestamptz NOT NULL,
    PRIMARY KEY (draft_id, revision)
);

CREATE TABLE draft_images (
    draft_id      text NOT NULL,
    revision      integer NOT NULL,
    position      integer NOT NULL,
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size_bytes    bigint NOT NULL,
    blob_sha256   text NOT NULL,
    tags_json     text NOT NULL,
    PRIMARY KEY (draft_id, revision, position),
    FOREIGN KEY (draft_id, revision) REFERENCES draft_revisions(draft_id, revision)
);

-- One decision per draft revision: the primary key makes a redelivered AnalyzeDraft harmless.
CREATE TABLE decisions (
    draft_id       text NOT NULL,
    revision       integer NOT NULL,
    decision       text NOT NULL,
    findings_json  text NOT NULL,
    images_json    text NOT NULL,
    decided_at     timestamptz NOT NULL,
    PRIMARY KEY (draft_id, revision),
    FOREIGN KEY (draft_id, revision) REFERENCES draft_revisions(draft_id, revision)
);

CREATE TABLE review_items (
    draft_id     text NOT NULL,
    revision     integer NOT NULL,
    school_id    text NOT NULL,
    decision     text NOT NULL,
    queued_at    timestamptz NOT NULL,
    resolved_at  timestamptz NULL,
    resolution   text NULL,
    PRIMARY KEY (draft_id, revision)
);
CREATE INDEX ix_review_items_open ON review_items(school_id, resolved_at);

CREATE TABLE audit_events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id     text NOT NULL,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    action        text NOT NULL,
    draft_id      text NULL,
    revision      integer NULL,
    details_json  text NOT NULL
);
CREATE INDEX ix_audit_school ON audit_events(school_id, at);

-- The audit trail is append-only.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
