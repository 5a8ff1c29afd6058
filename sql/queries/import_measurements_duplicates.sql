-- import_measurements_duplicates.sql - the staged measurements whose key an
-- earlier line of the file has, as errors in the form of
-- import_measurements_check.sql. The import runs it only when inserting the
-- rows broke the primary key of measurement, or when the file has other
-- errors (so that the report is whole): a file without duplicates costs no
-- pass for them. Keys are compared by byte (COLLATE "C": the same rows as
-- the default collation, which is deterministic), in one hash aggregate.
-- No parameters. Result: line_no, field, value, reason, warning.
SELECT s.line_no, 'period' AS field, s.period AS value,
       'is a duplicate key (also on line ' || d.first_line || ')' AS reason, false AS warning
FROM import_stage s
JOIN (SELECT indicator_id COLLATE "C" AS indicator_id, unit_id COLLATE "C" AS unit_id,
             period COLLATE "C" AS period, min(line_no) AS first_line
      FROM import_stage GROUP BY 1, 2, 3 HAVING count(*) > 1) d
  ON d.indicator_id = s.indicator_id AND d.unit_id = s.unit_id AND d.period = s.period
WHERE s.line_no <> d.first_line
ORDER BY 1
