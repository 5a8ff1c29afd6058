-- import_measurements_merge.sql - upserts the staged measurements. $1: batch_id.
INSERT INTO measurement (indicator_id, unit_id, period, year, first_month, last_month, value,
                         batch_id)
SELECT indicator_id, unit_id, period, year, first_month, last_month, value, $1::bigint
FROM import_stage
ON CONFLICT (indicator_id, unit_id, period) DO UPDATE
SET year = EXCLUDED.year, first_month = EXCLUDED.first_month,
    last_month = EXCLUDED.last_month, value = EXCLUDED.value, batch_id = EXCLUDED.batch_id
