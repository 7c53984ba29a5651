-- People register and consent records (PostgreSQL). Consent records are never updated: history is kept.
CREATE TABLE people (
    id           text PRIMARY KEY,
    school_id    text NOT NULL REFERENCES schools(id),
    external_id  text NULL,
    kind         text NOT NULL,
    first_name   text NOT NULL,
    last_name    text NOT NULL,
    known_as     text NULL,
    year_group   text NULL,
    active       integer NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    UNIQUE (school_id, external_id)
);
CREATE INDEX ix_people_school ON people(school_id, last_name, first_name);

CREATE TABLE consent_records (
    sequence     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           text NOT NULL UNIQUE,
    school_id    text NOT NULL,
    person_id    text NOT NULL REFERENCES people(id),
    use          text NOT NULL,
    status       text NOT NULL,
    given_by     text NOT NULL,
    evidence     text NULL,
    signed_on    text NULL,
    valid_from   text NOT NULL,
    valid_until  text NULL,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text NOT NULL
);
CREATE INDEX ix_consent_person ON consent_records(school_id, person_id, use);

CREATE FUNCTION consent_records_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_records keep their history: add a record instead';
END;
$$;
CREATE TRIGGER consent_records_no_change BEFORE UPDATE OR DELETE ON consent_records
    FOR EACH ROW EXECUTE FUNCTION consent_records_keep_history();

-- Notices added to a decided draft after its analysis, e.g. a takedown when consent is withdrawn.
CREATE TABLE draft_notices (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id      text NOT NULL REFERENCES drafts(id),
    revision      integer NOT NULL,
    finding_json  text NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX ix_draft_notices ON draft_notices(draft_id, revision);
