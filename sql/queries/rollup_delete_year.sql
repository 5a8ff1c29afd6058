-- rollup_delete_year.sql - removes the stored rollup rows of one year that
-- are not per agreement, before they are computed again in the same
-- transaction.
--
-- $1 integer  the year
-- $2 boolean  the economy per policy area and service frame
-- $3 boolean  the transfers
-- Result: none.
WITH a AS (DELETE FROM rollup_economy_area WHERE year = $1 AND $2::boolean)
DELETE FROM rollup_transfer WHERE year = $1 AND $3::boolean
