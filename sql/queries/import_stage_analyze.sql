-- import_stage_analyze.sql - the row count of the freshly loaded staging
-- table, so that the checks and the merge join it by hash rather than row by
-- row. One column's statistics give the count (pg_class.reltuples): those
-- of every column sorted the sample's text by the database collation, and
-- cost a measurement import at scale 10 a tenth of its time (issue 10); no
-- check or merge filters on a staged column's value distribution.
--
-- The statistics target 1 samples 300 rows instead of 30,000: the count is
-- as close (251,458 for 251,324 staged measurements at scale 10) and the
-- ANALYZE took 3 ms instead of 66-82 ms. Two statements: run by simple query
-- (lis_db_exec_file), not prepared.
ALTER TABLE import_stage ALTER line_no SET STATISTICS 1;
ANALYZE import_stage (line_no);
