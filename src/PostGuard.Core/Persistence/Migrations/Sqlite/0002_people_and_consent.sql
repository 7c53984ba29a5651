-- People register and consent records (SQLite). Consent records are never updated: history is kept.
CREATE TABLE people (
    id           TEXT PRIMARY KEY,
    school_id    TEXT NOT NULL REFERENCES schools(id),
    external_id  TEXT NULL,
    kind         TEXT NOT NULL,
    first_name   TEXT NOT NULL,
    last_name    TEXT NOT NULL,
    known_as     TEXT NULL,
    year_group   TEXT NULL,
    active       INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (school_id, external_id)
);
CREATE INDEX ix_people_school ON people(school_id, last_name, first_name);

CREATE TABLE consent_records (
    sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    school_id    TEXT NOT NULL,
    person_id    TEXT NOT NULL REFERENCES people(id),
    use          TEXT NOT NULL,
    status       TEXT NOT NULL,
    given_by     TEXT NOT NULL,
    evidence     TEXT NULL,
    signed_on    TEXT NULL,
    valid_from   TEXT NOT NULL,
    valid_until  TEXT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
);
CREATE INDEX ix_consent_person ON consent_records(school_id, person_id, use);

CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
BEGIN SELECT RAISE(ABORT, 'consent_records keep their history: add a record instead'); END;
CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records
BEGIN SELECT RAISE(ABORT, 'consent_records keep their history: add a record instead'); END;

-- Notices added to a decided draft after its analysis, e.g. a takedown when consent is withdrawn.
CREATE TABLE draft_notices (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id      TEXT NOT NULL REFERENCES drafts(id),
    revision      INTEGER NOT NULL,
    finding_json  TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX ix_draft_notices ON draft_notices(draft_id, revision);
