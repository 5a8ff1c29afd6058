-- rollup_economy_months.sql - per agreement whose economy a rollup computes
-- again and month of one year: budget and actual in twelfths over the cost
-- centres of its units, holder and descendants (SPEC section 3);
-- engine/rollup_economy.c computes the windows from them.
--
-- The year and the agreements are the settings lis.rollup_year and
-- lis.economy_agreements (rollup_budget_settings.sql): the query runs on the
-- rollup's second connection too (engine/rollup_budget.c), which has
-- neither parameters (the statements go as one) nor the rollup's own
-- temporary tables; it reads the spread of rollup_spread.sql (yearly rows
-- spread 1/12) in the temporary table rollup_spread.
--
-- The spread rows are summed per agreement and month at once: summing them
-- per cost centre and month first made 60,000 groups at scale 10 for
-- 250,000 rows, and was half of this query. The agreements' list is read
-- once, not per agreement.
-- Result: agreement_id, month (1-12, every month), b and a (twelfths, 0
-- without lines), has_lines (the agreement's cost centres have budget lines
-- of the year); by agreement in byte order and month.
WITH
ag AS (
    SELECT agreement_id FROM agreement
     WHERE year = (SELECT current_setting('lis.rollup_year')::int)
       AND agreement_id IN (SELECT unnest(current_setting('lis.economy_agreements')::text[]))
),
acc AS (
    SELECT au.agreement_id, c.cost_centre
      FROM agreement_units((SELECT current_setting('lis.rollup_year')::int)) au
      JOIN ag USING (agreement_id)
      JOIN cost_centre c USING (unit_id)
),
agm AS (
    SELECT acc.agreement_id, s.month, sum(s.b12) AS b, sum(s.a12) AS a
      FROM acc JOIN rollup_spread s USING (cost_centre)
     GROUP BY 1, 2
)
SELECT ag.agreement_id, mm AS month, coalesce(agm.b, 0) AS b, coalesce(agm.a, 0) AS a,
       bool_or(agm.agreement_id IS NOT NULL) OVER (PARTITION BY ag.agreement_id) AS has_lines
  FROM ag CROSS JOIN generate_series(1, 12) mm
  LEFT JOIN agm ON agm.agreement_id = ag.agreement_id AND agm.month = mm
 ORDER BY ag.agreement_id COLLATE "C", mm
