-- import_indicators_check.sql - checks the staged indicators before they are merged: every
-- row returned is an error (warning = false) or an ignored row (warning = true).
-- No parameters. Result: line_no, field, value, reason, warning.
-- A ratio names a numerator and a denominator that are known (in the file or
-- the database) and not ratios themselves; other indicators name neither.
-- Duplicate keys are found by byte (COLLATE "C"): the same rows as the
-- default collation, which is deterministic, in a sort several times faster.
WITH known AS (
    SELECT indicator_id, aggregation FROM import_stage
    UNION ALL
    SELECT indicator_id, aggregation FROM indicator i
    WHERE NOT EXISTS (SELECT 1 FROM import_stage s WHERE s.indicator_id = i.indicator_id)
), refs AS (
    SELECT line_no, indicator_id, 'numerator' AS field, numerator AS ref, aggregation
    FROM import_stage
    UNION ALL
    SELECT line_no, indicator_id, 'denominator', denominator, aggregation FROM import_stage
)
SELECT line_no, 'indicator_id' AS field, indicator_id AS value,
       'is a duplicate key (also on line ' || first_line || ')' AS reason, false AS warning
FROM (SELECT s.*, min(line_no) OVER (PARTITION BY indicator_id COLLATE "C") AS first_line
      FROM import_stage s) d
WHERE line_no <> first_line
UNION ALL
SELECT line_no, field, ref, 'is missing: a ratio indicator names a numerator and a denominator',
       false
FROM refs WHERE aggregation = 'ratio' AND ref IS NULL
UNION ALL
SELECT line_no, field, ref, 'is given, but the indicator''s aggregation is not ratio', false
FROM refs WHERE aggregation <> 'ratio' AND ref IS NOT NULL
UNION ALL
SELECT r.line_no, r.field, r.ref, 'is not a known indicator', false
FROM refs r
WHERE r.aggregation = 'ratio' AND r.ref IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM known k WHERE k.indicator_id = r.ref)
UNION ALL
SELECT r.line_no, r.field, r.ref, 'is itself a ratio indicator', false
FROM refs r JOIN known k ON k.indicator_id = r.ref
WHERE r.aggregation = 'ratio' AND k.aggregation = 'ratio'
ORDER BY 1
