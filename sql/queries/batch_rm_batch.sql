-- batch_rm_batch.sql - the batch record itself (its history rows cascade).
-- $1: batch_id.
DELETE FROM import_batch WHERE batch_id = $1::bigint
