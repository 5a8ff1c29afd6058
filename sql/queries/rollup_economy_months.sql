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
-- Result: agreement_id, month (1-12, every month), b and a (twelfths, 0
-- without lines), has_lines (the agreement's cost centres have budget lines
-- of the year); by agreement in byte order and month.
WITH
ag AS (
    SELECT agreement_id FROM agreement
     WHERE year = (SELECT current_setting('lis.rollup_year')::int)
       AND agreement_id = ANY (current_setting('lis.economy_agreements')::text[])
),
acc AS (
    SELECT au.agreement_id, c.cost_centre
      FROM agreement_units((SELECT current_setting('lis.rollup_year')::int)) au
      JOIN ag USING (agreement_id)
      JOIN cost_centre c USING (unit_id)
),
ccm AS (SELECT cost_centre, month, sum(b12) AS b, sum(a12) AS a FROM rollup_spread GROUP BY 1, 2),
has_lines AS (
    SELECT DISTINCT acc.agreement_id FROM acc
     WHERE EXISTS (SELECT 1 FROM rollup_spread s WHERE s.cost_centre = acc.cost_centre)
),
agm AS (
    SELECT ag.agreement_id, mm AS month, coalesce(sum(ccm.b), 0) AS b,
           coalesce(sum(ccm.a), 0) AS a
      FROM ag
     CROSS JOIN generate_series(1, 12) mm
      LEFT JOIN acc ON acc.agreement_id = ag.agreement_id
      LEFT JOIN ccm ON ccm.cost_centre = acc.cost_centre AND ccm.month = mm
     GROUP BY 1, 2
)
SELECT agm.agreement_id, agm.month, agm.b, agm.a, h.agreement_id IS NOT NULL AS has_lines
  FROM agm LEFT JOIN has_lines h USING (agreement_id)
 ORDER BY agm.agreement_id COLLATE "C", agm.month
