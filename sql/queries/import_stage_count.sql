-- import_stage_count.sql - rows left to merge. Result: count.
SELECT count(*) FROM import_stage
