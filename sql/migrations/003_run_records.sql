-- 003_run_records.sql - what "lis runs" lists and "lis deliver" needs: the
-- session a run lives in, where its files went, the counts its mail states,
-- and every delivery of a run with its outcome.
--
-- A run recorded as running whose session is gone (kill -9, a crash) is
-- found by backend_pid and its advisory lock (sql/queries/run_mark_stale.sql)
-- and marked failed, instead of staying "running" forever.

SET LOCAL search_path = lis;

-- The server process of the session that recorded the run; the advisory
-- lock of a live run is held by this process.
ALTER TABLE run ADD COLUMN backend_pid integer DEFAULT pg_backend_pid();
-- The run's folder OUT/<period> as an absolute path, and how many files the
-- manifest lists, once the run finished well.
ALTER TABLE run ADD COLUMN output_dir text;
ALTER TABLE run ADD COLUMN files integer CHECK (files >= 0);
-- Counts of goal, agreement and economy statuses of the report, for the
-- delivery mail ({"goals": {"red": 2, ...}, "agreements": {...},
-- "economy": {...}}); NULL for runs before this migration.
ALTER TABLE run ADD COLUMN summary jsonb;

-- One delivery of a run's files: a folder copy, or one mail message to all
-- the run kind's recipients. A re-delivery (lis deliver) adds rows.
CREATE TABLE delivery (
    delivery_id  bigserial PRIMARY KEY,
    run_id       bigint NOT NULL REFERENCES run ON DELETE CASCADE,
    target       text NOT NULL,  -- "folder:/srv/share/lis/2026-03", "mail:a@x, b@y"
    outcome      text NOT NULL CHECK (outcome IN ('ok', 'failed')),
    detail       text,           -- the server's reply or the error; never a password
    attempts     integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    delivered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_run ON delivery (run_id);
