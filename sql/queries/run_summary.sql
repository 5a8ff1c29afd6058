-- run_summary.sql - records the status counts of a run's report (the
-- delivery mail states them; "lis deliver" reads them back).
--
-- $1 bigint run_id
-- $2 jsonb  {"goals": {"green": 3, ...}, "agreements": {...}, "economy": {...}}
UPDATE lis.run
SET summary = $2::jsonb
WHERE run_id = $1
