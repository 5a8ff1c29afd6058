-- rollup_delete.sql - removes the stored economy rows per agreement of one
-- year before they are computed again in the same transaction: every row of
-- the year, or only those of the agreements in rollup_todo (rollup_todo.sql).
-- The indicator and goal rows are replaced by rollup_indicator_merge.sql and
-- rollup_goal_merge.sql, or written into a year without them.
--
-- $1 integer  the year
-- $2 boolean  true: every row of the year (a full rollup)
-- Result: none.
DELETE FROM rollup_economy
 WHERE year = $1 AND ($2::boolean OR agreement_id IN
                      (SELECT agreement_id FROM rollup_todo WHERE economy))
