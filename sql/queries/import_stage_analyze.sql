-- import_stage_analyze.sql - the row count of the freshly loaded staging
-- table, so that the checks and the merge join it by hash rather than row by
-- row. One column's statistics give the count (pg_class.reltuples): those
-- of every column sorted the sample's text by the database collation, and
-- cost a measurement import at scale 10 a tenth of its time (issue 10); no
-- check or merge filters on a staged column's value distribution.
ANALYZE import_stage (line_no)
