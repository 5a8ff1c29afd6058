-- rollup_counts.sql - the stored rollup rows of one year, counted (what an
-- incremental rollup reports).
--
-- $1 integer  the year
-- Result: one row: agreements, indicator_rows, goal_rows, economy_rows,
-- area_rows, transfers, recomputed (the agreements in rollup_todo, whose
-- rows this rollup computed again; rollup_todo.sql).
SELECT (SELECT count(*) FROM agreement WHERE year = $1) AS agreements,
       (SELECT count(*) FROM rollup_indicator WHERE year = $1) AS indicator_rows,
       (SELECT count(*) FROM rollup_goal WHERE year = $1) AS goal_rows,
       (SELECT count(*) FROM rollup_economy WHERE year = $1) AS economy_rows,
       (SELECT count(*) FROM rollup_economy_area WHERE year = $1) AS area_rows,
       (SELECT count(*) FROM rollup_transfer WHERE year = $1) AS transfers,
       (SELECT count(*) FROM rollup_todo) AS recomputed
