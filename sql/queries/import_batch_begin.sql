-- import_batch_begin.sql - opens a batch; import_batch_end.sql completes it in
-- the same transaction.
-- $1: kind, $2: file name, $3: profile, $4: forced (boolean). Result: batch_id.
INSERT INTO import_batch (kind, file_name, sha256, size_bytes, profile, forced)
VALUES ($1, $2, repeat('0', 64), 0, $3, $4::boolean)
RETURNING batch_id
