-- run_mark_stale.sql - marks failed the runs recorded as running whose
-- process is gone (killed with SIGKILL, crashed, or its connection lost):
-- a live run holds its session-level advisory lock (engine/run.c: keys
-- hashtext('lis run') and hashtext(kind || ' ' || period)) in the backend
-- that recorded it. A run whose backend no longer holds that lock (the
-- backend is gone, or the lock is free, or another run holds it) cannot be
-- running. Runs recorded before backend_pid existed count as running while
-- anyone holds their lock.
--
-- No parameters. Result: run_id of each run marked failed.
UPDATE lis.run r
SET status = 'failed',
    error = 'the run stopped without finishing (killed or crashed)',
    finished_at = now()
WHERE r.status = 'running'
      AND NOT EXISTS (
          SELECT 1
          FROM pg_catalog.pg_locks l
          WHERE l.locktype = 'advisory'
                AND l.granted
                AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                                  WHERE d.datname = current_database())
                AND l.classid = hashtext('lis run')::oid
                AND l.objid = hashtext(r.kind || ' ' || r.period)::oid
                AND l.objsubid = 2
                AND (r.backend_pid IS NULL OR l.pid = r.backend_pid))
RETURNING r.run_id
