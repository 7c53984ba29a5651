-- Photos are deleted from the blob store under the retention policy; the row stays as a record.
ALTER TABLE draft_images ADD COLUMN deleted_at timestamptz NULL;
