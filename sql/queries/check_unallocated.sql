-- check_unallocated.sql - cost centres with budget lines but no known unit
-- (ikke-fordelt), with their sums per year, for the warnings of "lis check".
--
-- No parameters.
-- Result: cost_centre, year, lines, budget, actual (numeric text), reason
-- ('missing': not in cost-centres; 'no unit'; 'unknown unit').
SELECT b.cost_centre, b.year, count(*) AS lines,
       trim_scale(coalesce(sum(b.budget), 0))::text, trim_scale(coalesce(sum(b.actual), 0))::text,
       CASE WHEN c.cost_centre IS NULL THEN 'missing'
            WHEN c.unit_id IS NULL THEN 'no unit'
            ELSE 'unknown unit' END
  FROM budget_line b
  LEFT JOIN cost_centre c USING (cost_centre)
 WHERE c.cost_centre IS NULL OR c.unit_id IS NULL
    OR NOT EXISTS (SELECT 1 FROM unit u WHERE u.unit_id = c.unit_id)
 GROUP BY b.cost_centre, b.year, c.cost_centre, c.unit_id
 ORDER BY b.cost_centre COLLATE "C", b.year
