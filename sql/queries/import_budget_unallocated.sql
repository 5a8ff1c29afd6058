-- import_budget_unallocated.sql - budget lines of a batch on cost centres
-- with no known unit (ikke-fordelt). $1: batch_id. Result: count.
SELECT count(*)
FROM budget_line b
LEFT JOIN cost_centre c ON c.cost_centre = b.cost_centre
LEFT JOIN unit u ON u.unit_id = c.unit_id
WHERE b.batch_id = $1::bigint AND u.unit_id IS NULL
