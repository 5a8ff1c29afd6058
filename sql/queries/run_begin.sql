-- run_begin.sql - records a report run as running.
--
-- $1 text   kind (monthly, quarterly, status, annual)
-- $2 text   period (window name)
-- $3 jsonb  parameters; the fingerprint of the newest successful rollup of
--           the year is added as "rollup"
-- $4 bigint the newest import batch the run reads, or NULL
-- $5 text   the budget year ("2026")
-- $6 text   the rollup fingerprint to record, or NULL for the newest
--           successful rollup's (an --as-of-batch run gives the fingerprint of
--           the data as of its batch)
--
-- Result: run_id, and document_run_id: the earliest successful run of the
-- same kind, period and parameters (ignoring "out", "jobs" and "as_of_batch")
-- on the same newest batch and the same rollup, else the new run_id. Documents state
-- document_run_id, so that the same data and parameters give
-- byte-identical files.
WITH params AS (
    SELECT $3::jsonb || jsonb_build_object('rollup', coalesce($6::text, (
               SELECT r.parameters->>'fingerprint'
               FROM lis.run r
               WHERE r.kind = 'rollup' AND r.period = $5 AND r.status = 'ok'
               ORDER BY r.run_id DESC
               LIMIT 1))) AS p
), new AS (
    INSERT INTO lis.run (kind, period, parameters, newest_batch)
    SELECT $1, $2, params.p, $4::bigint FROM params
    RETURNING run_id, parameters
)
SELECT new.run_id,
       COALESCE((
           SELECT min(r.run_id)
           FROM lis.run r
           WHERE r.kind = $1 AND r.period = $2 AND r.status = 'ok'
                 AND (r.parameters - 'out' - 'jobs' - 'as_of_batch')
                     = (new.parameters - 'out' - 'jobs' - 'as_of_batch')
                 AND r.newest_batch IS NOT DISTINCT FROM $4::bigint
       ), new.run_id) AS document_run_id
FROM new;
