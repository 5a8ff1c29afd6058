-- batch_rm_measurements_restore.sql - puts back the values batch $1 replaced.
INSERT INTO measurement (indicator_id, unit_id, period, year, first_month, last_month, value,
                         batch_id)
SELECT indicator_id, unit_id, period, year, first_month, last_month, value, batch_id
FROM measurement_history
WHERE replaced_by = $1::bigint
ON CONFLICT (year, indicator_id, unit_id, period) DO NOTHING
