-- rollup_prepare_spread.sql - the budget lines of a year per cost centre,
-- function and month, with yearly rows spread 1/12 to every month that has
-- no monthly row for the same cost centre, function and account (SPEC
-- section 3). A temporary table rollup_spread(cost_centre, function, month,
-- b, a), dropped at the end of the rollup's transaction; b and a are NULL
-- where the lines carry no amounts (they still count as budget lines).
--
-- $1 integer  the year
-- Result: none.
CREATE TEMP TABLE rollup_spread ON COMMIT DROP AS
WITH
y AS (
    SELECT cost_centre, function, account, sum(budget) AS b, sum(actual) AS a
      FROM budget_line WHERE year = $1::int AND month IS NULL
     GROUP BY 1, 2, 3
),
-- months of a yearly row's key that have monthly rows of their own
ex AS (
    SELECT DISTINCT y.cost_centre, y.function, y.account, bl.month
      FROM y JOIN budget_line bl
        ON bl.year = $1::int AND bl.month IS NOT NULL AND bl.cost_centre = y.cost_centre
       AND bl.function = y.function AND bl.account = y.account
),
x AS (
    SELECT cost_centre, function, month, budget AS b, actual AS a
      FROM budget_line WHERE year = $1::int AND month IS NOT NULL
    UNION ALL
    SELECT y.cost_centre, y.function, mm, y.b / 12, y.a / 12
      FROM y CROSS JOIN generate_series(1, 12) mm
     WHERE NOT EXISTS (SELECT 1 FROM ex
                        WHERE ex.cost_centre = y.cost_centre AND ex.function = y.function
                          AND ex.account = y.account AND ex.month = mm)
)
SELECT cost_centre, function, month::smallint AS month, sum(b) AS b, sum(a) AS a
  FROM x GROUP BY 1, 2, 3
