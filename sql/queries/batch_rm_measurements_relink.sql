-- batch_rm_measurements_relink.sql - a value that batch $1 replaced, and that a
-- later batch replaced again, now counts as replaced by that later batch.
UPDATE measurement_history h
SET replaced_by = n.replaced_by
FROM measurement_history n
WHERE h.replaced_by = $1::bigint AND n.batch_id = $1::bigint
  AND n.indicator_id = h.indicator_id AND n.unit_id = h.unit_id AND n.period = h.period
