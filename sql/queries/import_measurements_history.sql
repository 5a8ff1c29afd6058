-- import_measurements_history.sql - keeps every measurement the staged rows
-- are about to replace, with the replacing batch. $1: batch_id.
INSERT INTO measurement_history (indicator_id, unit_id, period, year, first_month, last_month,
                                 value, batch_id, replaced_by)
SELECT m.indicator_id, m.unit_id, m.period, m.year, m.first_month, m.last_month, m.value,
       m.batch_id, $1::bigint
FROM measurement m JOIN import_stage s USING (indicator_id, unit_id, period)
