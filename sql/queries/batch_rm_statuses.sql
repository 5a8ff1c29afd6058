-- batch_rm_statuses.sql - the rows of goal_status whose current version came from batch $1.
DELETE FROM goal_status WHERE batch_id = $1::bigint
