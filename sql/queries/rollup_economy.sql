-- rollup_economy.sql - the economy per agreement and window of one year
-- (SPEC section 3), inserted into rollup_economy.
--
-- $1 integer  the year
-- $2 numeric  economy green tolerance: forecast over the annual budget by at
--             most this % of |annual budget|
-- $3 numeric  economy yellow tolerance (%)
-- Result: none (INSERT).
--
-- Reads the temporary tables of rollup_prepare_units.sql (U(A)) and
-- rollup_prepare_spread.sql (yearly rows spread 1/12). An agreement's figures
-- are over the cost centres of its units (holder and descendants). Only the
-- agreements of rollup_todo (rollup_todo.sql) whose economy is computed again.
WITH
win AS (SELECT * FROM year_windows($1::int)),
ag AS (
    SELECT agreement_id FROM agreement
     WHERE year = $1 AND agreement_id IN (SELECT agreement_id FROM rollup_todo WHERE economy)
),
acc AS (SELECT au.agreement_id, c.cost_centre FROM rollup_au au JOIN cost_centre c USING (unit_id)),
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
),
f AS (
    SELECT agm.agreement_id, w.name, w.kind, w.wf, w.wl,
           sum(b) AS annual,
           sum(b) FILTER (WHERE month BETWEEN w.wf AND w.wl) AS budget,
           sum(a) FILTER (WHERE month BETWEEN w.wf AND w.wl) AS actual,
           sum(b) FILTER (WHERE month <= w.wl) AS bytd,
           sum(a) FILTER (WHERE month <= w.wl) AS aytd
      FROM agm CROSS JOIN win w
     GROUP BY 1, 2, 3, 4, 5
),
-- f holds twelfths; divide by 12 once, at the end.
g AS (
    SELECT f.*, h.agreement_id IS NOT NULL AS has_lines,
           CASE WHEN bytd > 0 THEN aytd * annual / bytd ELSE aytd * 12 / wl END AS forecast12
      FROM f LEFT JOIN has_lines h USING (agreement_id)
)
INSERT INTO rollup_economy (year, agreement_id, window_name, window_kind, first_month,
                            last_month, annual_budget, budget, actual, budget_ytd, actual_ytd,
                            consumption_pct, expected_pct, deviation, forecast, status)
SELECT $1, agreement_id, name, kind, wf, wl, annual / 12, budget / 12, actual / 12,
       bytd / 12, aytd / 12,
       CASE WHEN annual <> 0 THEN aytd * 100 / annual END,
       CASE WHEN annual <> 0 THEN bytd * 100 / annual END,
       (aytd - bytd) / 12, forecast12 / 12,
       CASE WHEN NOT has_lines THEN 'grey'
            WHEN forecast12 - annual <= abs(annual) * $2::numeric / 100 THEN 'green'
            WHEN forecast12 - annual <= abs(annual) * $3::numeric / 100 THEN 'yellow'
            ELSE 'red' END
  FROM g
