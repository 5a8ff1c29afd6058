-- rollup_spread.sql - the budget lines of a year per cost centre, function
-- and month, with yearly rows spread 1/12 to every month that has no
-- monthly row for the same cost centre, function and account (SPEC section
-- 3), as the rows of the table of rollup_spread_stage.sql: b12
-- and a12 are budget and actual in twelfths (12 x the month's amount), so a
-- yearly row spreads without rounding: 2450 a year is 2450 twelfths in each
-- month, and sums divide by 12 once at the end. They are NULL where the
-- lines carry no amounts (such lines still count as budget lines).
--
-- The rows are not summed per cost centre, function and month: the monthly
-- lines give one row, each spread yearly key one more. Every reader sums
-- them (rollup_economy_area.sql, rollup_economy_months.sql); summing them
-- here as well cost a quarter of the spread (numeric's sum is dear per
-- group), and the sums are the same, numeric's addition being exact.
--
-- The rollup inserts the rows into rollup_spread, on its second connection
-- or its own (engine/rollup_budget.c). The year is the setting
-- lis.rollup_year (rollup_budget_settings.sql), read once.
--
-- Result: cost_centre, function, month, b12, a12.
WITH
-- monthly rows, summed per cost centre, function and month (in twelfths)
m AS (
    SELECT cost_centre, function, month, sum(budget) * 12 AS b, sum(actual) * 12 AS a
      FROM budget_line
     WHERE year = (SELECT current_setting('lis.rollup_year')::int) AND month IS NOT NULL
     GROUP BY 1, 2, 3
),
y AS (
    SELECT cost_centre, function, account, sum(budget) AS b, sum(actual) AS a
      FROM budget_line
     WHERE year = (SELECT current_setting('lis.rollup_year')::int) AND month IS NULL
     GROUP BY 1, 2, 3
),
-- the months in which a yearly row's key has monthly rows of its own, as the
-- bits 1 << month: the yearly row does not spread to them
ex AS (
    SELECT bl.cost_centre, bl.function, bl.account, bit_or(1 << bl.month) AS months
      FROM budget_line bl
     WHERE bl.year = (SELECT current_setting('lis.rollup_year')::int)
       AND bl.month IS NOT NULL
       AND (bl.cost_centre, bl.function, bl.account) IN
           (SELECT cost_centre, function, account FROM y)
     GROUP BY 1, 2, 3
)
-- the monthly rows, then the yearly rows spread
SELECT cost_centre, function, month::smallint, b, a FROM m
UNION ALL
SELECT y.cost_centre, y.function, mm::smallint, y.b, y.a
  FROM y LEFT JOIN ex USING (cost_centre, function, account)
 CROSS JOIN generate_series(1, 12) mm
 WHERE coalesce(ex.months, 0) & (1 << mm) = 0
