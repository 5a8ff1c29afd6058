-- rollup_run_record.sql - records one rollup run.
--
-- $1 text   the year ("2026")
-- $2 text   the parameters, a JSON object (year, thresholds, fingerprint)
-- $3 text   status: ok or failed
-- $4 text   the error message, or NULL
-- $5 text   the start time (timestamptz)
-- Result: the run_id.
INSERT INTO run (kind, period, parameters, status, error, newest_batch, started_at,
                 finished_at)
VALUES ('rollup', $1, $2::jsonb, $3, $4, (SELECT max(batch_id) FROM import_batch
                                            WHERE withdrawn_at IS NULL),
        $5::timestamptz, clock_timestamp())
RETURNING run_id
