-- import_stage_drop.sql - drops rejected or ignored rows from the staging table.
-- $1: line numbers (integer array).
DELETE FROM import_stage WHERE line_no = ANY ($1::integer[])
