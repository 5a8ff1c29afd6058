-- rollup_counts.sql - the stored rollup rows of one year, counted (what an
-- incremental rollup reports).
--
-- $1 integer  the year
-- $2 boolean  true: a full rollup, which counted the indicator, goal and
--             economy rows as it wrote them (they are NULL here)
-- Result: one row: agreements, indicator_rows, goal_rows, economy_rows,
-- area_rows, transfers, recomputed (the agreements in rollup_todo, whose
-- rows this rollup computed again; rollup_todo.sql).
SELECT (SELECT count(*) FROM agreement WHERE year = $1) AS agreements,
       CASE WHEN NOT $2 THEN (SELECT count(*) FROM rollup_indicator WHERE year = $1)
       END AS indicator_rows,
       CASE WHEN NOT $2 THEN (SELECT count(*) FROM rollup_goal WHERE year = $1)
       END AS goal_rows,
       CASE WHEN NOT $2 THEN (SELECT count(*) FROM rollup_economy WHERE year = $1)
       END AS economy_rows,
       (SELECT count(*) FROM rollup_economy_area WHERE year = $1) AS area_rows,
       (SELECT count(*) FROM rollup_transfer WHERE year = $1) AS transfers,
       (SELECT count(*) FROM rollup_todo) AS recomputed
