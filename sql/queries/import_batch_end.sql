-- import_batch_end.sql - records the file's hash, size and row counts.
-- $1: batch_id, $2: sha256 (hex), $3: rows read, $4: rows loaded,
-- $5: rows rejected, $6: size in bytes.
UPDATE import_batch
SET sha256 = $2, rows_read = $3::integer, rows_loaded = $4::integer,
    rows_rejected = $5::integer, size_bytes = $6::bigint, finished_at = clock_timestamp()
WHERE batch_id = $1::bigint
