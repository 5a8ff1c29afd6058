-- import_measurements_insert.sql - adds the staged measurements whose key is
-- new, after import_measurements_update.sql replaced the others. $1:
-- batch_id.
INSERT INTO measurement (indicator_id, unit_id, period, year, first_month, last_month, value,
                         batch_id)
SELECT s.indicator_id, s.unit_id, s.period, s.year, s.first_month, s.last_month, s.value,
       $1::bigint
  FROM import_stage s
 WHERE NOT EXISTS (SELECT 1 FROM measurement m
                    WHERE m.indicator_id = s.indicator_id AND m.unit_id = s.unit_id
                      AND m.period = s.period)
