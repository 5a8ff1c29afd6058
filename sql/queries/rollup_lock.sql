-- rollup_lock.sql - takes the rollup lock of one year for the rest of the
-- transaction: one rollup of a year at a time.
--
-- $1 integer  the year
-- Result: one row, one void column.
SELECT pg_advisory_xact_lock(hashtext('lis.rollup'), $1::int)
