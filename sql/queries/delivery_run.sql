-- delivery_run.sql - what delivering a run needs to know of it.
--
-- $1 bigint run_id
-- Result (one row, or none): kind, period, status, folder (output_dir, else
-- the "out" parameter and the period, for runs before output_dir existed),
-- summary (JSON text or NULL).
SELECT r.kind, r.period, r.status,
       COALESCE(r.output_dir, NULLIF(r.parameters->>'out', '') || '/' || r.period),
       r.summary::text
FROM lis.run r
WHERE r.run_id = $1
