-- rollup_last.sql - the fingerprint recorded by the newest successful rollup
-- of a year.
--
-- $1 text  the year, as the run's period ("2026")
-- Result: zero or one row: fingerprint text.
SELECT parameters->>'fingerprint'
  FROM run
 WHERE kind = 'rollup' AND period = $1 AND status = 'ok'
 ORDER BY run_id DESC
 LIMIT 1
