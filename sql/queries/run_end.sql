-- run_end.sql - records the end of a report run.
--
-- $1 bigint run_id
-- $2 text   status: ok or failed
-- $3 text   the error message, or NULL
UPDATE lis.run
SET status = $2, error = $3, finished_at = now()
WHERE run_id = $1;
