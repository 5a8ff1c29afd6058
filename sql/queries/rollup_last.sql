-- rollup_last.sql - what the newest successful rollup of a year recorded.
--
-- $1 text  the year, as the run's period ("2026")
-- Result: zero or one row: fingerprint, newest (the newest batch id it saw),
-- batches, withdrawn, catalogue (see rollup_state.sql; NULL when the run
-- was recorded by a lis that did not record them).
SELECT parameters->>'fingerprint' AS fingerprint, parameters->>'newest' AS newest,
       parameters->>'batches' AS batches, parameters->>'withdrawn' AS withdrawn,
       parameters->>'catalogue' AS catalogue
  FROM run
 WHERE kind = 'rollup' AND period = $1 AND status = 'ok'
 ORDER BY run_id DESC
 LIMIT 1
