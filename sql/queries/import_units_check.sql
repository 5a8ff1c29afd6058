-- import_units_check.sql - checks the staged units before they are merged: every
-- row returned is an error (warning = false) or an ignored row (warning = true).
-- No parameters. Result: line_no, field, value, reason, warning.
-- Duplicate keys are found by byte (COLLATE "C"): the same rows as the
-- default collation, which is deterministic, in a sort several times faster.
SELECT line_no, 'unit_id' AS field, unit_id AS value,
       'is a duplicate key (also on line ' || first_line || ')' AS reason, false AS warning
FROM (SELECT s.*, min(line_no) OVER (PARTITION BY unit_id COLLATE "C") AS first_line
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
UNION ALL
SELECT s.line_no, 'parent_id', s.parent_id, 'makes a cycle: the unit would be its own ancestor',
       false
FROM import_stage s
WHERE s.parent_id <> s.unit_id AND s.unit_id IN (
    -- the tree as it would be: the file's units over the stored ones
    WITH RECURSIVE tree AS (
        SELECT unit_id, parent_id FROM import_stage
        UNION ALL
        SELECT unit_id, parent_id FROM unit u
        WHERE NOT EXISTS (SELECT 1 FROM import_stage t WHERE t.unit_id = u.unit_id)
    ), walk (start, cur, depth) AS (
        SELECT unit_id, parent_id, 1 FROM tree WHERE parent_id IS NOT NULL
        UNION ALL
        SELECT w.start, t.parent_id, w.depth + 1
        FROM walk w JOIN tree t ON t.unit_id = w.cur
        WHERE w.cur <> w.start AND t.parent_id IS NOT NULL AND w.depth < 100
    )
    SELECT start FROM walk WHERE cur = start)
ORDER BY 1
