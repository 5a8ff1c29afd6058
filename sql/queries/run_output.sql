-- run_output.sql - records where a finished run's files are.
--
-- $1 bigint  run_id
-- $2 text    the folder OUT/<period>, an absolute path
-- $3 integer how many files its manifest lists
UPDATE lis.run
SET output_dir = $2, files = $3
WHERE run_id = $1
