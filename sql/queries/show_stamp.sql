-- show_stamp.sql - the newest finished import batch, which a workbook of
-- "lis show --format xlsx" states it is as of, and its finish date (UTC),
-- the document's date. As report_stamp.sql, but read from the interface
-- lis_api so that lis_reporter may run it.
--
-- No parameters. Result: zero or one row: batch_id, finished (yyyy-mm-dd).
SELECT b.batch_id, to_char(b.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
FROM lis_api.batches b
WHERE b.finished_at IS NOT NULL
ORDER BY b.batch_id DESC
LIMIT 1;
