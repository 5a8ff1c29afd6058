-- demo_summary.sql - the figures "lis demo" prints after its rollup.
--
-- $1 integer  the year
-- $2 text     the month window to summarise goals in ('2026-12')
-- $3 text     the YTD window to summarise the economy in ('2026-YTD-12')
-- Result: one row per (what, key): what is 'agreements' (key: level 1 or 2),
-- 'goal' (key: status of the goal rows in $2), 'economy' (key: status in $3);
-- n the count.
SELECT 'agreements' AS what,
       CASE WHEN parent_agreement IS NULL THEN '1' ELSE '2' END AS key, count(*) AS n
  FROM agreement WHERE year = $1 GROUP BY 1, 2
UNION ALL
SELECT 'goal', status, count(*) FROM rollup_goal
 WHERE year = $1 AND window_name = $2 GROUP BY 1, 2
UNION ALL
SELECT 'economy', status, count(*) FROM rollup_economy
 WHERE year = $1 AND window_name = $3 GROUP BY 1, 2
ORDER BY 1, 2
