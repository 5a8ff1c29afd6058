-- batch_ls.sql - every imported batch not withdrawn, oldest first.
-- No parameters. Result: batch_id, kind, file_name, sha256, size_bytes, profile,
-- rows_read, rows_loaded, rows_rejected, forced, started_at, finished_at
-- (yyyy-mm-dd hh:mm:ss, local time of the server).
SELECT batch_id, kind, file_name, sha256, size_bytes, profile, rows_read, rows_loaded,
       rows_rejected, forced, to_char(started_at, 'YYYY-MM-DD HH24:MI:SS'),
       to_char(finished_at, 'YYYY-MM-DD HH24:MI:SS')
FROM import_batch
WHERE withdrawn_at IS NULL
ORDER BY batch_id
