-- Tags bind a person to a face (PostgreSQL). Each tag of a photo is a row: the person, and where the
-- uploader placed them: on one detected face (its index in the analysis it referred to and that
-- face's box, so a binding follows its face into a later analysis of the same photo), in the photo
-- with the face not visible, or not placed yet (the plain id form of a first submission).
CREATE TABLE draft_tags (
    draft_id    text NOT NULL,
    revision    integer NOT NULL,
    position    integer NOT NULL,
    ordinal     integer NOT NULL,
    school_id   text NOT NULL,
    person_id   text NOT NULL,
    placement   text NOT NULL CHECK (placement IN ('unplaced', 'face', 'not-visible')),
    face_index  integer NULL,
    face_x      integer NULL,
    face_y      integer NULL,
    face_w      integer NULL,
    face_h      integer NULL,
    PRIMARY KEY (draft_id, revision, position, ordinal),
    UNIQUE (draft_id, revision, position, person_id),
    FOREIGN KEY (draft_id, revision, position) REFERENCES draft_images(draft_id, revision, position)
);
-- A withdrawal finds every draft that tags the person through this index (no scan of JSON text).
CREATE INDEX ix_draft_tags_person ON draft_tags(school_id, person_id);

-- Tags so far: ids in draft_images.tags_json, and the faces the uploader clicked (display only) in
-- draft_face_tags. A tag whose person was clicked on a face becomes a binding to that face's box.
INSERT INTO draft_tags (draft_id, revision, position, ordinal, school_id, person_id, placement, face_index, face_x, face_y, face_w, face_h)
SELECT i.draft_id, i.revision, i.position, (j.ordinality - 1)::integer, d.school_id, j.value,
       CASE WHEN f.person_id IS NULL THEN 'unplaced' ELSE 'face' END, NULL, f.face_x, f.face_y, f.face_w, f.face_h
FROM draft_images i
JOIN drafts d ON d.id = i.draft_id
CROSS JOIN LATERAL jsonb_array_elements_text(i.tags_json::jsonb) WITH ORDINALITY AS j(value, ordinality)
LEFT JOIN LATERAL (
    SELECT g.person_id, g.face_x, g.face_y, g.face_w, g.face_h FROM draft_face_tags g
    WHERE g.draft_id = i.draft_id AND g.revision = i.revision AND g.position = i.position AND g.person_id = j.value
    ORDER BY g.face_x, g.face_y LIMIT 1) f ON true
ON CONFLICT DO NOTHING;

ALTER TABLE draft_images DROP COLUMN tags_json;
DROP TABLE draft_face_tags;

-- Decisions are atomic with consent: every change to a school's consent records bumps its
-- consent_version in the same transaction, and a decision records the version it was computed from.
ALTER TABLE schools ADD COLUMN consent_version bigint NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN consent_version bigint NOT NULL DEFAULT 0;

-- The stored decision is the whole decision: notices added after the analysis (R4 takedowns) join
-- its findings and its outcome when they are recorded, instead of on every read.
UPDATE decisions c
SET decision = 'Block',
    findings_json = (c.findings_json::jsonb || (
        SELECT jsonb_agg(n.finding_json::jsonb ORDER BY n.id) FROM draft_notices n
        WHERE n.draft_id = c.draft_id AND n.revision = c.revision))::text
WHERE EXISTS (SELECT 1 FROM draft_notices n WHERE n.draft_id = c.draft_id AND n.revision = c.revision);
UPDATE drafts d SET decision = 'Block'
WHERE EXISTS (SELECT 1 FROM draft_notices n WHERE n.draft_id = d.id AND n.revision = d.revision)
  AND EXISTS (SELECT 1 FROM decisions c WHERE c.draft_id = d.id AND c.revision = d.revision);
