-- batch_rm_find.sql - the batch to withdraw (not withdrawn yet), locked. $1: batch_id. Result: kind.
SELECT kind FROM import_batch WHERE batch_id = $1::bigint AND withdrawn_at IS NULL FOR UPDATE
