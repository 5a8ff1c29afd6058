-- report_economy.sql - the economy of the reported agreements in every month
-- and year-to-date window of the year.
--
-- $1 integer  the budget year
-- $2 text[]   agreement ids, or NULL for every agreement of the year
--
-- Result: agreement_id, window_kind (M or T), last_month, annual_budget,
-- budget, actual, consumption_pct, expected_pct, deviation, forecast
-- (float8, NULL for no value), status.
SELECT r.agreement_id, r.window_kind, r.last_month, r.annual_budget::float8,
       r.budget::float8, r.actual::float8, r.consumption_pct::float8,
       r.expected_pct::float8, r.deviation::float8, r.forecast::float8, r.status
FROM lis.rollup_economy r
WHERE r.year = $1 AND r.window_kind IN ('M', 'T')
      AND ($2::text[] IS NULL OR r.agreement_id = ANY ($2::text[]))
ORDER BY r.agreement_id COLLATE "C", r.window_kind, r.last_month;
