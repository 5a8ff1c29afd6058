-- rollup_state.sql - what an incremental rollup of a year must know about
-- the import batches and the catalogue, compared with what the year's last
-- rollup recorded (engine/rollup.c decides from it).
--
-- $1 text    the thresholds in use, as text ("yellow/green/yellow")
-- $2 bigint  the newest batch id the last rollup saw (0 when none)
-- Result: one row:
--   newest      the newest batch id now (0 when none)
--   batches     the batches with an id up to $2, withdrawn or not: another
--               number than the last rollup saw means a batch committed late
--   withdrawn   the withdrawn batches
--   catalogue   an md5 of the thresholds, the schema version and the row
--               counts of the catalogue tables (units, cost centres, accounts,
--               agreements, goals, shares, indicators, targets, statuses)
--   data_only   every batch after $2 that is not withdrawn holds
--               measurements, budget lines or transfers (true when none)
--   n_new       those batches
--   budget      one of them holds budget lines
--   transfers   one of them holds transfers
--   total       every batch, withdrawn or not (what the next rollup compares
--               with "batches")
SELECT (SELECT coalesce(max(batch_id), 0) FROM import_batch) AS newest,
       (SELECT count(*) FROM import_batch WHERE batch_id <= $2::bigint) AS batches,
       (SELECT count(*) FROM import_batch WHERE withdrawn_at IS NOT NULL) AS withdrawn,
       md5(concat_ws('/', $1::text,
           (SELECT count(*) FROM unit), (SELECT count(*) FROM cost_centre),
           (SELECT count(*) FROM account), (SELECT count(*) FROM agreement),
           (SELECT count(*) FROM goal), (SELECT count(*) FROM goal_share),
           (SELECT count(*) FROM indicator), (SELECT count(*) FROM target),
           (SELECT count(*) FROM goal_status),
           (SELECT max(version) FROM schema_version))) AS catalogue,
       coalesce(bool_and(kind IN ('measurements', 'budget', 'transfers')), true) AS data_only,
       count(*) AS n_new,
       coalesce(bool_or(kind = 'budget'), false) AS budget,
       coalesce(bool_or(kind = 'transfers'), false) AS transfers,
       (SELECT count(*) FROM import_batch) AS total
  FROM import_batch
 WHERE batch_id > $2::bigint AND withdrawn_at IS NULL
