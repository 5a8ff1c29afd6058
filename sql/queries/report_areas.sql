-- report_areas.sql - the council's economy per policy area and service
-- frame, the unallocated bucket and the total, in one window.
--
-- $1 integer  the budget year
-- $2 text     the window name ('2026', '2026-YTD-06', ...)
--
-- Result: level (policy_area, service_frame, unallocated, total),
-- policy_area, service_frame (NULL: unknown function), unallocated,
-- annual_budget, budget, actual, deviation, forecast, budget_ytd,
-- actual_ytd, consumption_pct, expected_pct (float8). Sorted: policy areas
-- by name and service frame, the service-frame subtotals, the unallocated
-- bucket, the total.
SELECT r.level, r.policy_area, r.service_frame, r.unallocated, r.annual_budget::float8,
       r.budget::float8, r.actual::float8, r.deviation::float8, r.forecast::float8,
       r.budget_ytd::float8, r.actual_ytd::float8, r.consumption_pct::float8,
       r.expected_pct::float8
FROM lis.rollup_economy_area r
WHERE r.year = $1 AND r.window_name = $2
ORDER BY array_position(ARRAY['policy_area', 'service_frame', 'unallocated', 'total'], r.level),
         r.policy_area COLLATE "C", r.service_frame DESC NULLS LAST;
