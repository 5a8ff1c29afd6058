-- batch_rm_batch.sql - marks the batch record withdrawn; it stays, with the
-- newest batch id of this moment, so that "--as-of-batch N" for an earlier
-- N can count the batch as it was (its rows were moved by batch_archive).
-- $1: batch_id.
UPDATE import_batch
SET withdrawn_at = clock_timestamp(),
    withdrawn_after = (SELECT max(batch_id) FROM import_batch)
WHERE batch_id = $1::bigint
