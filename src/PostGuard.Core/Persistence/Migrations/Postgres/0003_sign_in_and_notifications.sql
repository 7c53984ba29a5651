-- Staff sign-in (PostgreSQL): a password hash (ASP.NET Core PasswordHasher format) and lockout per user,
-- and per-school notification settings for the approver (webhook URL, e-mail recipients).
ALTER TABLE users ADD COLUMN password_hash text NULL;
ALTER TABLE users ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until timestamptz NULL;

CREATE TABLE school_notification_settings (
    school_id    text PRIMARY KEY REFERENCES schools(id),
    webhook_url  text NULL,
    email_to     text NULL,
    updated_at   timestamptz NOT NULL,
    updated_by   text NOT NULL
);

-- Which detected face the uploader said is whom (clicked on the photo), per revision and photo. The
-- draft's tags stay the source of truth for consent; this only lets the pages colour each face.
CREATE TABLE draft_face_tags (
    draft_id   text NOT NULL,
    revision   integer NOT NULL,
    position   integer NOT NULL,
    face_x     integer NOT NULL,
    face_y     integer NOT NULL,
    face_w     integer NOT NULL,
    face_h     integer NOT NULL,
    person_id  text NOT NULL,
    PRIMARY KEY (draft_id, revision, position, face_x, face_y),
    FOREIGN KEY (draft_id, revision) REFERENCES draft_revisions(draft_id, revision)
);
