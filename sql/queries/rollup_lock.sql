-- rollup_lock.sql - takes the rollup lock of one year for the rest of the
-- transaction: one rollup of a year at a time. Taken by a rollup as of a
-- batch, inside its caller's transaction; a rollup of its own takes the
-- same lock for its session (rollup_lock_session.sql).
--
-- $1 integer  the year
-- Result: one row, one void column.
SELECT pg_advisory_xact_lock(hashtext('lis.rollup'), $1::int)
