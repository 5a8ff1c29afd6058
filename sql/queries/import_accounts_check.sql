-- import_accounts_check.sql - checks the staged accounts before they are merged: every
-- row returned is an error (warning = false) or an ignored row (warning = true).
-- No parameters. Result: line_no, field, value, reason, warning.
-- Duplicate keys are found by byte (COLLATE "C"): the same rows as the
-- default collation, which is deterministic, in a sort several times faster.
SELECT line_no, 'function' AS field, function AS value,
       'is a duplicate key (also on line ' || first_line || ')' AS reason, false AS warning
FROM (SELECT s.*, min(line_no) OVER (PARTITION BY function COLLATE "C") AS first_line
      FROM import_stage s) d
WHERE line_no <> first_line
ORDER BY 1
