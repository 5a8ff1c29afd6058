-- batch_rm_targets.sql - the rows of target whose current version came from batch $1.
DELETE FROM target WHERE batch_id = $1::bigint
