-- import_statuses_merge.sql - upserts the staged qualitative statuses. $1: batch_id.
INSERT INTO goal_status (goal_id, period, year, first_month, last_month, status, comment,
                         author, batch_id)
SELECT goal_id, period, year, first_month, last_month, status, comment, author, $1::bigint
FROM import_stage
ON CONFLICT (goal_id, period) DO UPDATE
SET year = EXCLUDED.year, first_month = EXCLUDED.first_month,
    last_month = EXCLUDED.last_month, status = EXCLUDED.status, comment = EXCLUDED.comment,
    author = EXCLUDED.author, batch_id = EXCLUDED.batch_id
