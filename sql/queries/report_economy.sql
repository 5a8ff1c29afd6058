-- report_economy.sql - the economy of the reported agreements in every month
-- of the year: the month's own budget and actual beside the year-to-date
-- figures to that month (SPEC section 3).
--
-- $1 integer  the budget year
-- $2 text[]   agreement ids, or NULL for every agreement of the year
--
-- Result: agreement_id, last_month, annual_budget, budget, actual,
-- budget_ytd, actual_ytd, consumption_pct, expected_pct, deviation,
-- forecast (float8, NULL for no value), status.
SELECT r.agreement_id, r.last_month, r.annual_budget::float8, r.budget::float8,
       r.actual::float8, r.budget_ytd::float8, r.actual_ytd::float8,
       r.consumption_pct::float8, r.expected_pct::float8, r.deviation::float8,
       r.forecast::float8, r.status
FROM lis.rollup_economy r
WHERE r.year = $1 AND r.window_kind = 'M'
      -- the months by name (the key's second column): a chunk's ids find
      -- their rows by the key instead of a scan of the year
      AND r.window_name = ANY (ARRAY(SELECT name FROM lis.year_windows($1) WHERE kind = 'M'))
      AND ($2::text[] IS NULL OR r.agreement_id = ANY ($2::text[]))
ORDER BY r.agreement_id COLLATE "C", r.last_month;
