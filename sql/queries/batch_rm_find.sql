-- batch_rm_find.sql - the batch to withdraw, locked. $1: batch_id. Result: kind.
SELECT kind FROM import_batch WHERE batch_id = $1::bigint FOR UPDATE
