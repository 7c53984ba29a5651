-- One account per e-mail per school, whatever the letter case (PostgreSQL). `admin add-user` on an e-mail
-- the school already has now resets that account; before, it added a second one, after which that e-mail
-- could not sign in. Where that happened, each e-mail keeps its newest account (what the second add-user
-- meant); the older ones are removed, and each removal is recorded in the school's audit trail
-- (user.duplicate-removed, with the removed account's id, e-mail, role and creation time). Nothing
-- references users by id, so drafts and audit entries of a removed account stay as they are.
CREATE TEMP TABLE kept_accounts ON COMMIT DROP AS
SELECT DISTINCT ON (school_id, lower(email)) id, school_id, lower(email) AS email_key
FROM users
ORDER BY school_id, lower(email), created_at DESC, id DESC;

INSERT INTO audit_events (school_id, at, actor, action, draft_id, revision, details_json)
SELECT u.school_id, now(), 'migration 0007', 'user.duplicate-removed', NULL, NULL,
       json_build_object('removedId', u.id, 'email', u.email, 'role', u.role, 'createdAt', u.created_at, 'keptId', k.id)::text
FROM users u
JOIN kept_accounts k ON k.school_id = u.school_id AND k.email_key = lower(u.email)
WHERE u.id <> k.id
ORDER BY u.school_id, lower(u.email), u.created_at;

DELETE FROM users WHERE id NOT IN (SELECT id FROM kept_accounts);

UPDATE users SET email = lower(email) WHERE email <> lower(email);
DROP INDEX ix_users_school;
CREATE UNIQUE INDEX ux_users_school_email ON users(school_id, lower(email));
