-- rollup_unlock.sql - releases the session's rollup lock of one year
-- (rollup_lock_session.sql).
--
-- $1 integer  the year
-- Result: one row, one boolean column: whether the lock was held.
SELECT pg_advisory_unlock(hashtext('lis.rollup'), $1::int)
