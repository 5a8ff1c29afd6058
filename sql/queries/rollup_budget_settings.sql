-- rollup_budget_settings.sql - the year and the agreements of the budget
-- side of a rollup (rollup_spread.sql, rollup_economy_area.sql,
-- rollup_economy_months.sql) as settings for the rest of the transaction:
-- on the rollup's second connection those queries go as one string, which
-- takes no parameters.
--
-- $1 integer  the year
-- $2 text[]   the agreements whose economy is computed again
--             (rollup_economy_todo.sql)
-- Result: one row.
SELECT set_config('lis.rollup_year', $1::int::text, true),
       set_config('lis.economy_agreements', $2::text[]::text, true)
