-- rollup_run_record.sql - records one rollup run.
--
-- $1 text     the year ("2026")
-- $2 text     the thresholds: yellow (%)
-- $3 text     economy green tolerance (%)
-- $4 text     economy yellow tolerance (%)
-- $5 text     the fingerprint of the data (rollup_fingerprint.sql)
-- $6 bigint   the newest batch id seen, or NULL (rollup_state.sql)
-- $7 bigint   the batches seen, withdrawn or not, or NULL
-- $8 bigint   the withdrawn batches, or NULL
-- $9 text     the fingerprint of the catalogue (rollup_state.sql)
-- $10 text    the mode: full or incremental
-- $11 bigint  the agreements computed again
-- $12 text    status: ok or failed
-- $13 text    the error message, or NULL
-- $14 text    the start time (timestamptz)
-- Result: the run_id.
INSERT INTO run (kind, period, parameters, status, error, newest_batch, started_at,
                 finished_at)
VALUES ('rollup', $1::text,
        jsonb_build_object('year', $1::text::int, 'yellow', $2::numeric,
                           'economy_green', $3::numeric, 'economy_yellow', $4::numeric,
                           'fingerprint', $5::text, 'newest', $6::bigint,
                           'batches', $7::bigint, 'withdrawn', $8::bigint,
                           'catalogue', $9::text, 'mode', $10::text,
                           'recomputed', $11::bigint),
        $12, $13, (SELECT max(batch_id) FROM import_batch WHERE withdrawn_at IS NULL),
        $14::timestamptz, clock_timestamp())
RETURNING run_id
