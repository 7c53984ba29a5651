-- Staff sign-in (SQLite): a password hash (ASP.NET Core PasswordHasher format) and lockout per user,
-- and per-school notification settings for the approver (webhook URL, e-mail recipients).
ALTER TABLE users ADD COLUMN password_hash TEXT NULL;
ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT NULL;

CREATE TABLE school_notification_settings (
    school_id    TEXT PRIMARY KEY REFERENCES schools(id),
    webhook_url  TEXT NULL,
    email_to     TEXT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);

-- Which detected face the uploader said is whom (clicked on the photo), per revision and photo. The
-- draft's tags stay the source of truth for consent; this only lets the pages colour each face.
CREATE TABLE draft_face_tags (
    draft_id   TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    face_x     INTEGER NOT NULL,
    face_y     INTEGER NOT NULL,
    face_w     INTEGER NOT NULL,
    face_h     INTEGER NOT NULL,
    person_id  TEXT NOT NULL,
    PRIMARY KEY (draft_id, revision, position, face_x, face_y),
    FOREIGN KEY (draft_id, revision) REFERENCES draft_revisions(draft_id, revision)
);
