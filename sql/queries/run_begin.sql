-- run_begin.sql - records a report run as running.
--
-- $1 text   kind (monthly, quarterly, status, annual)
-- $2 text   period (window name)
-- $3 jsonb  parameters
-- $4 bigint the newest import batch the run reads, or NULL
--
-- Result: run_id, and document_run_id: the earliest successful run of the
-- same kind, period and parameters (ignoring "out" and "jobs") on the same
-- newest batch and after the latest successful rollup, else the new run_id.
-- Documents state document_run_id, so that the same data and parameters give
-- byte-identical files.
WITH new AS (
    INSERT INTO lis.run (kind, period, parameters, newest_batch)
    VALUES ($1, $2, $3::jsonb, $4::bigint)
    RETURNING run_id
)
SELECT new.run_id,
       COALESCE((
           SELECT min(r.run_id)
           FROM lis.run r
           WHERE r.kind = $1 AND r.period = $2 AND r.status = 'ok'
                 AND (r.parameters - 'out' - 'jobs') = ($3::jsonb - 'out' - 'jobs')
                 AND r.newest_batch IS NOT DISTINCT FROM $4::bigint
                 AND r.run_id > COALESCE((SELECT max(x.run_id) FROM lis.run x
                                          WHERE x.kind = 'rollup' AND x.status = 'ok'), 0)
       ), new.run_id) AS document_run_id
FROM new;
