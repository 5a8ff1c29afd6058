-- import_measurements_check.sql - checks the staged measurements before they are merged: every
-- row returned is an error (warning = false) or an ignored row (warning = true).
-- No parameters. Result: line_no, field, value, reason, warning; a line's
-- findings in the order below.
-- Duplicate keys are left to the primary key of measurement
-- (import_measurements_duplicates.sql names them).
--
-- One pass over the staged rows, each joined once to its indicator and its
-- unit, and only the rows that fail one check go on to have their findings
-- written: the four checks as four passes (a UNION ALL, each with its own
-- join) cost a measurement import at scale 10 several times as much, and
-- so did writing every row's messages (issue 10).
WITH joined AS (
    SELECT s.line_no, s.indicator_id, s.unit_id, s.period, i.indicator_id AS known,
           u.unit_id AS unit_known, i.aggregation, i.frequency,
           CASE i.frequency
               WHEN 'maaned' THEN s.first_month = s.last_month
               WHEN 'kvartal' THEN s.last_month - s.first_month = 2
               ELSE s.last_month - s.first_month = 11 END AS fits
      FROM import_stage s
      LEFT JOIN indicator i ON i.indicator_id = s.indicator_id
      LEFT JOIN unit u ON u.unit_id = s.unit_id
),
failing AS (
    SELECT * FROM joined
     WHERE known IS NULL OR unit_known IS NULL OR aggregation = 'ratio' OR NOT fits
)
SELECT f.line_no, e.field, e.value, e.reason, e.warning
  FROM failing f
 CROSS JOIN LATERAL (VALUES
    (1, f.known IS NULL, 'indicator_id', f.indicator_id, 'is not a known indicator', false),
    (2, f.unit_known IS NULL, 'unit_id', f.unit_id, 'is not a known unit', false),
    (3, f.aggregation = 'ratio', 'indicator_id', f.indicator_id,
     'is a ratio indicator: its values come from its numerator and denominator, so this '
     'value is ignored', true),
    (4, f.aggregation <> 'ratio' AND NOT f.fits, 'period', f.period,
     'is not a ' || CASE f.frequency WHEN 'maaned' THEN 'month' WHEN 'kvartal' THEN 'quarter'
                    ELSE 'year' END
     || ' (indicator ' || f.known || ' has frequency ' || f.frequency || ')', false)
    ) e(n, bad, field, value, reason, warning)
 WHERE e.bad
 ORDER BY f.line_no, e.n
