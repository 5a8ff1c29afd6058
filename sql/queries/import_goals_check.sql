-- import_goals_check.sql - checks the staged goals before they are merged: every
-- row returned is an error (warning = false) or an ignored row (warning = true).
-- No parameters. Result: line_no, field, value, reason, warning.
-- Duplicate keys are found by byte (COLLATE "C"): the same rows as the
-- default collation, which is deterministic, in a sort several times faster.
SELECT line_no, 'goal_id' AS field, goal_id AS value,
       'is a duplicate key (also on line ' || first_line || ')' AS reason, false AS warning
FROM (SELECT s.*, min(line_no) OVER (PARTITION BY goal_id COLLATE "C") AS first_line
      FROM import_stage s) d
WHERE line_no <> first_line
UNION ALL
SELECT s.line_no, 'agreement_id', s.agreement_id, 'is not a known agreement', false
FROM import_stage s
WHERE NOT EXISTS (SELECT 1 FROM agreement a WHERE a.agreement_id = s.agreement_id)
UNION ALL
SELECT s.line_no, 'last_year', coalesce(s.last_year, a.year)::text,
       'is before the first year ' || coalesce(s.first_year, a.year), false
FROM import_stage s JOIN agreement a ON a.agreement_id = s.agreement_id
WHERE coalesce(s.first_year, a.year) > coalesce(s.last_year, a.year)
ORDER BY 1
