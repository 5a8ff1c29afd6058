-- rollup_economy_area.sql - the council's economy per window of one year:
-- per policy area and service frame, per service frame, the unallocated
-- bucket and the total, from the budget lines themselves (SPEC section 3).
--
-- The year is the setting lis.rollup_year (rollup_budget_settings.sql).
-- Result: the rows of rollup_economy_area, its columns in order; the rollup
-- inserts them (engine/rollup_budget.c).
--
-- A cost centre is unallocated when it is missing from cost_centre, has no
-- unit, or names an unknown unit. Yearly rows are spread by
-- rollup_spread.sql.
WITH
win AS (SELECT * FROM year_windows((SELECT current_setting('lis.rollup_year')::int))),
-- the cost centres with a known unit (a join: as a NOT EXISTS per spread row
-- it was two thirds of this query)
allocated AS (
    SELECT c.cost_centre FROM cost_centre c JOIN unit u ON u.unit_id = c.unit_id
),
fm AS (
    SELECT s.function, s.month, al.cost_centre IS NULL AS unallocated,
           sum(s.b12) AS b, sum(s.a12) AS a
      FROM rollup_spread s
      LEFT JOIN allocated al USING (cost_centre)
     GROUP BY 1, 2, 3
),
am AS (
    SELECT coalesce(a.policy_area, '(ukendt funktion)') AS policy_area, a.service_frame,
           fm.unallocated, fm.month, coalesce(sum(fm.b), 0) AS b, coalesce(sum(fm.a), 0) AS a
      FROM fm
      LEFT JOIN account a ON a.function = fm.function
     GROUP BY 1, 2, 3, 4
),
f AS (
    SELECT w.name, w.kind, w.wf, w.wl,
           CASE WHEN grouping(am.policy_area) = 0 THEN 'policy_area'
                WHEN grouping(am.service_frame) = 0 THEN 'service_frame'
                WHEN grouping(am.unallocated) = 0 THEN 'unallocated'
                ELSE 'total' END AS level,
           am.policy_area, am.service_frame, am.unallocated,
           sum(b) AS annual,
           sum(b) FILTER (WHERE month BETWEEN w.wf AND w.wl) AS budget,
           sum(a) FILTER (WHERE month BETWEEN w.wf AND w.wl) AS actual,
           sum(b) FILTER (WHERE month <= w.wl) AS bytd,
           sum(a) FILTER (WHERE month <= w.wl) AS aytd
      FROM am CROSS JOIN win w
     GROUP BY w.name, w.kind, w.wf, w.wl,
              GROUPING SETS ((am.policy_area, am.service_frame), (am.service_frame),
                             (am.unallocated), ())
)
SELECT (SELECT current_setting('lis.rollup_year')::int), name, kind, wf, wl, level,
       CASE level WHEN 'policy_area' THEN policy_area
                  WHEN 'unallocated' THEN '(ikke fordelt)' ELSE '' END,
       CASE WHEN level IN ('policy_area', 'service_frame') THEN service_frame END,
       level = 'unallocated',
       coalesce(annual, 0) / 12, coalesce(budget, 0) / 12, coalesce(actual, 0) / 12,
       coalesce(bytd, 0) / 12, coalesce(aytd, 0) / 12,
       CASE WHEN annual <> 0 THEN aytd * 100 / annual END,
       CASE WHEN annual <> 0 THEN bytd * 100 / annual END,
       (coalesce(aytd, 0) - coalesce(bytd, 0)) / 12,
       CASE WHEN bytd > 0 THEN aytd * annual / bytd ELSE coalesce(aytd, 0) * 12 / wl END / 12
  FROM f
 WHERE level <> 'unallocated' OR unallocated
