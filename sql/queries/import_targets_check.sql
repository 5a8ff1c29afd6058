-- import_targets_check.sql - checks the staged targets before they are merged: every
-- row returned is an error (warning = false) or an ignored row (warning = true).
-- No parameters. Result: line_no, field, value, reason, warning.
-- Duplicate keys are found by byte (COLLATE "C"): the same rows as the
-- default collation, which is deterministic, in a sort several times faster.
SELECT line_no, 'goal_id' AS field, goal_id || ' ' || indicator_id || ' ' || year AS value,
       'is a duplicate key (also on line ' || first_line || ')' AS reason, false AS warning
FROM (SELECT s.*,
             min(line_no) OVER (PARTITION BY goal_id COLLATE "C", indicator_id COLLATE "C",
                                             year) AS first_line
      FROM import_stage s) d
WHERE line_no <> first_line
UNION ALL
SELECT s.line_no, 'goal_id', s.goal_id, 'is not a known goal', false
FROM import_stage s WHERE NOT EXISTS (SELECT 1 FROM goal g WHERE g.goal_id = s.goal_id)
UNION ALL
SELECT s.line_no, 'indicator_id', s.indicator_id, 'is not a known indicator', false
FROM import_stage s
WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.indicator_id = s.indicator_id)
ORDER BY 1
