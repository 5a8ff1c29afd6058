-- asof_batch.sql - whether batch $1 landed (withdrawn or not), for
-- "--as-of-batch".
-- $1 bigint  the batch id. Result: zero or one row.
SELECT batch_id FROM lis.import_batch WHERE batch_id = $1::bigint AND finished_at IS NOT NULL
