-- report_areas.sql - the council's economy per policy area and service
-- frame, and the unallocated bucket, in one window.
--
-- $1 integer  the budget year
-- $2 text     the window name ('2026', '2026-YTD-06', ...)
--
-- Result: policy_area, service_frame (NULL: unknown function), unallocated,
-- annual_budget, budget, actual, deviation, forecast (float8). Allocated
-- rows first, by policy area and service frame; the unallocated bucket last.
SELECT r.policy_area, r.service_frame, r.unallocated, r.annual_budget::float8,
       r.budget::float8, r.actual::float8, r.deviation::float8, r.forecast::float8
FROM lis.rollup_economy_area r
WHERE r.year = $1 AND r.window_name = $2
ORDER BY r.unallocated, r.policy_area COLLATE "C", r.service_frame NULLS LAST;
