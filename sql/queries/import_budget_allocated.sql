-- import_budget_allocated.sql - the cost centres that belong to a known unit;
-- budget rows on any other cost centre are unallocated (ikke-fordelt).
-- No parameters. Result: cost_centre.
SELECT c.cost_centre
FROM cost_centre c JOIN unit u ON u.unit_id = c.unit_id
