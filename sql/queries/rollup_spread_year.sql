-- rollup_spread_year.sql - the year that rollup_spread.sql spreads, for the
-- rest of the transaction.
--
-- $1 integer  the year
-- Result: one row, the year as text.
SELECT set_config('lis.spread_year', $1::int::text, true)
