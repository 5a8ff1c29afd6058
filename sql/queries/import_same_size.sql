-- import_same_size.sql - landed batches of a kind whose file had this size:
-- the only ones that can hold the same SHA-256.
-- $1: kind, $2: size in bytes. Result: batch_id, sha256.
SELECT batch_id, sha256
FROM import_batch
WHERE kind = $1 AND size_bytes = $2::bigint AND finished_at IS NOT NULL
  AND withdrawn_at IS NULL
ORDER BY batch_id
