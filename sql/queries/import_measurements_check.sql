-- import_measurements_check.sql - checks the staged measurements before they are merged: every
-- row returned is an error (warning = false) or an ignored row (warning = true).
-- No parameters. Result: line_no, field, value, reason, warning.
-- Duplicate keys are left to the primary key of measurement
-- (import_measurements_duplicates.sql names them).
SELECT s.line_no, 'indicator_id' AS field, s.indicator_id AS value,
       'is not a known indicator' AS reason, false AS warning
FROM import_stage s
WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.indicator_id = s.indicator_id)
UNION ALL
SELECT s.line_no, 'unit_id', s.unit_id, 'is not a known unit', false
FROM import_stage s WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.unit_id = s.unit_id)
UNION ALL
SELECT s.line_no, 'indicator_id', s.indicator_id,
       'is a ratio indicator: its values come from its numerator and denominator, so this '
       'value is ignored', true
FROM import_stage s JOIN indicator i ON i.indicator_id = s.indicator_id
WHERE i.aggregation = 'ratio'
UNION ALL
SELECT s.line_no, 'period', s.period,
       'is not a ' || CASE i.frequency WHEN 'maaned' THEN 'month' WHEN 'kvartal' THEN 'quarter'
                      ELSE 'year' END
       || ' (indicator ' || i.indicator_id || ' has frequency ' || i.frequency || ')', false
FROM import_stage s JOIN indicator i ON i.indicator_id = s.indicator_id
WHERE i.aggregation <> 'ratio'
  AND NOT CASE i.frequency
          WHEN 'maaned' THEN s.first_month = s.last_month
          WHEN 'kvartal' THEN s.last_month - s.first_month = 2
          ELSE s.last_month - s.first_month = 11 END
ORDER BY 1
