-- ready_batches.sql - the newest landed (not withdrawn) batch of each kind,
-- for "lis ready".
--
-- No parameters. Result sorted by kind: kind, batch_id, file_name, finished
-- (yyyy-mm-dd hh:mi, UTC).
SELECT DISTINCT ON (b.kind) b.kind, b.batch_id, b.file_name,
       to_char(b.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
FROM lis.import_batch b
WHERE b.finished_at IS NOT NULL AND b.withdrawn_at IS NULL
ORDER BY b.kind, b.batch_id DESC;
