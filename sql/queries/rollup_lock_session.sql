-- rollup_lock_session.sql - takes the rollup lock of one year (the key of
-- rollup_lock.sql) for the session, before the rollup's transaction begins:
-- that transaction's snapshot then comes after the previous rollup of the
-- year committed. Released by rollup_unlock.sql, or by the server when the
-- connection ends.
--
-- $1 integer  the year
-- Result: one row, one void column.
SELECT pg_advisory_lock(hashtext('lis.rollup'), $1::int)
