-- import_stage_analyze.sql - statistics for the freshly loaded staging table,
-- so that the checks and the merge join it by hash rather than row by row.
ANALYZE import_stage
