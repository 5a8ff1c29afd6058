-- rollup_goals_stored.sql - whether a year has stored indicator or goal
-- rows: the first rollup of a year writes its rows straight into the tables;
-- later ones stage them and change only what differs (rollup_*_merge.sql).
--
-- $1 integer  the year
-- Result: stored (boolean), one row.
SELECT EXISTS (SELECT 1 FROM rollup_indicator WHERE year = $1::int)
       OR EXISTS (SELECT 1 FROM rollup_goal WHERE year = $1::int) AS stored
