-- report_stamp.sql - the newest finished import batch (not withdrawn), which every report
-- states it is as of, and its finish date (UTC), which documents take as
-- their date.
--
-- No parameters. Result: zero or one row: batch_id, finished (yyyy-mm-dd).
SELECT b.batch_id, to_char(b.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
FROM lis.import_batch b
WHERE b.finished_at IS NOT NULL AND b.withdrawn_at IS NULL
ORDER BY b.batch_id DESC
LIMIT 1;
