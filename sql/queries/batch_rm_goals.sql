-- batch_rm_goals.sql - the rows of goal whose current version came from batch $1.
DELETE FROM goal WHERE batch_id = $1::bigint
