-- rollup_delete.sql - removes the stored rollup rows per agreement of one
-- year before they are computed again in the same transaction: every row of
-- the year, or only those of the agreements in rollup_todo (rollup_todo.sql).
--
-- $1 integer  the year
-- $2 boolean  true: every row of the year (a full rollup)
-- Result: none.
WITH i AS (DELETE FROM rollup_indicator
            WHERE year = $1 AND ($2::boolean OR agreement_id IN
                                 (SELECT agreement_id FROM rollup_todo WHERE goals))),
     g AS (DELETE FROM rollup_goal
            WHERE year = $1 AND ($2::boolean OR agreement_id IN
                                 (SELECT agreement_id FROM rollup_todo WHERE goals)))
DELETE FROM rollup_economy
 WHERE year = $1 AND ($2::boolean OR agreement_id IN
                      (SELECT agreement_id FROM rollup_todo WHERE economy))
