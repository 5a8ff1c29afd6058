-- rollup_fingerprint.sql - a fingerprint of everything a rollup reads, to
-- tell whether the stored rollup of a year is still current.
--
-- $1 text  the thresholds in use, as text ("yellow/green/yellow")
-- Result: one row, one column: an md5 hex string.
SELECT md5(concat_ws('/', $1::text,
    (SELECT count(*) || ':' || coalesce(max(batch_id), 0) || ':' ||
            coalesce(max(finished_at)::text, '') FROM import_batch
      WHERE withdrawn_at IS NULL),
    (SELECT count(*) FROM unit), (SELECT count(*) FROM cost_centre),
    (SELECT count(*) FROM account), (SELECT count(*) FROM agreement),
    (SELECT count(*) FROM goal), (SELECT count(*) FROM goal_share),
    (SELECT count(*) FROM indicator), (SELECT count(*) FROM target),
    (SELECT count(*) FROM measurement), (SELECT count(*) FROM budget_line),
    (SELECT count(*) FROM goal_status), (SELECT count(*) FROM transfer),
    (SELECT max(version) FROM schema_version)))
