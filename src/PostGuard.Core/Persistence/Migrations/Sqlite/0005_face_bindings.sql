-- Tags bind a person to a face (SQLite). Each tag of a photo is a row: the person, and where the
-- uploader placed them: on one detected face (its index in the analysis it referred to and that
-- face's box, so a binding follows its face into a later analysis of the same photo), in the photo
-- with the face not visible, or not placed yet (the plain id form of a first submission).
CREATE TABLE draft_tags (
    draft_id    TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    school_id   TEXT NOT NULL,
    person_id   TEXT NOT NULL,
    placement   TEXT NOT NULL CHECK (placement IN ('unplaced', 'face', 'not-visible')),
    face_index  INTEGER NULL,
    face_x      INTEGER NULL,
    face_y      INTEGER NULL,
    face_w      INTEGER NULL,
    face_h      INTEGER NULL,
    PRIMARY KEY (draft_id, revision, position, ordinal),
    UNIQUE (draft_id, revision, position, person_id),
    FOREIGN KEY (draft_id, revision, position) REFERENCES draft_images(draft_id, revision, position)
);
-- A withdrawal finds every draft that tags the person through this index (no scan of JSON text).
CREATE INDEX ix_draft_tags_person ON draft_tags(school_id, person_id);

-- Tags so far: ids in draft_images.tags_json, and the faces the uploader clicked (display only) in
-- draft_face_tags. A tag whose person was clicked on a face becomes a binding to that face's box.
INSERT OR IGNORE INTO draft_tags (draft_id, revision, position, ordinal, school_id, person_id, placement, face_index, face_x, face_y, face_w, face_h)
SELECT i.draft_id, i.revision, i.position, CAST(j.key AS INTEGER), d.school_id, j.value,
       CASE WHEN f.person_id IS NULL THEN 'unplaced' ELSE 'face' END, NULL, f.face_x, f.face_y, f.face_w, f.face_h
FROM draft_images i
JOIN drafts d ON d.id = i.draft_id
JOIN json_each(i.tags_json) j
LEFT JOIN draft_face_tags f ON f.rowid = (
    SELECT MIN(g.rowid) FROM draft_face_tags g
    WHERE g.draft_id = i.draft_id AND g.revision = i.revision AND g.position = i.position AND g.person_id = j.value);

ALTER TABLE draft_images DROP COLUMN tags_json;
DROP TABLE draft_face_tags;

-- Decisions are atomic with consent: every change to a school's consent records bumps its
-- consent_version in the same transaction, and a decision records the version it was computed from.
ALTER TABLE schools ADD COLUMN consent_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN consent_version INTEGER NOT NULL DEFAULT 0;

-- The stored decision is the whole decision: notices added after the analysis (R4 takedowns) join
-- its findings and its outcome when they are recorded, instead of on every read.
UPDATE decisions
SET decision = 'Block',
    findings_json = (
        SELECT json_group_array(json(x.v)) FROM (
            SELECT e.value AS v, 0 AS k, CAST(e.key AS INTEGER) AS o FROM json_each(decisions.findings_json) e
            UNION ALL
            SELECT n.finding_json, 1, n.id FROM draft_notices n WHERE n.draft_id = decisions.draft_id AND n.revision = decisions.revision
            ORDER BY 2, 3) x)
WHERE EXISTS (SELECT 1 FROM draft_notices n WHERE n.draft_id = decisions.draft_id AND n.revision = decisions.revision);
UPDATE drafts SET decision = 'Block'
WHERE EXISTS (SELECT 1 FROM draft_notices n WHERE n.draft_id = drafts.id AND n.revision = drafts.revision)
  AND EXISTS (SELECT 1 FROM decisions c WHERE c.draft_id = drafts.id AND c.revision = drafts.revision);
