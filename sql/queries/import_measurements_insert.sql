-- import_measurements_insert.sql - adds the staged measurements, after
-- import_measurements_replace.sql moved the rows with their keys to the
-- history. $1: batch_id.
INSERT INTO measurement (indicator_id, unit_id, period, year, first_month, last_month, value,
                         batch_id)
SELECT indicator_id, unit_id, period, year, first_month, last_month, value, $1::bigint
  FROM import_stage
