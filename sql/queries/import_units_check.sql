-- import_units_check.sql - checks the staged units before they are merged: every
-- row returned is an error (warning = false) or an ignored row (warning = true).
-- No parameters. Result: line_no, field, value, reason, warning.
SELECT line_no, 'unit_id' AS field, unit_id AS value,
       'is a duplicate key (also on line ' || first_line || ')' AS reason, false AS warning
FROM (SELECT s.*, min(line_no) OVER (PARTITION BY unit_id) AS first_line
      FROM import_stage s) d
WHERE line_no <> first_line
UNION ALL
SELECT s.line_no, 'parent_id', s.parent_id, 'is the unit itself', false
FROM import_stage s WHERE s.parent_id = s.unit_id
UNION ALL
SELECT s.line_no, 'parent_id', s.parent_id, 'is not a known unit', false
FROM import_stage s
WHERE s.parent_id IS NOT NULL AND s.parent_id <> s.unit_id
  AND NOT EXISTS (SELECT 1 FROM import_stage p WHERE p.unit_id = s.parent_id)
  AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.unit_id = s.parent_id)
ORDER BY 1
