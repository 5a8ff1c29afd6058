-- rollup_clock.sql - the time now (when a rollup starts, before its
-- transaction), as text.
--
-- No parameters.
-- Result: one row, one column: a timestamptz as text.
SELECT clock_timestamp()::text
