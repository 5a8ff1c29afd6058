-- rollup_delete.sql - removes the stored rollup of one year (before it is
-- computed again in the same transaction).
--
-- $1 integer  the year
-- Result: none.
WITH i AS (DELETE FROM rollup_indicator WHERE year = $1),
     g AS (DELETE FROM rollup_goal WHERE year = $1),
     e AS (DELETE FROM rollup_economy WHERE year = $1),
     a AS (DELETE FROM rollup_economy_area WHERE year = $1)
DELETE FROM rollup_transfer WHERE year = $1
