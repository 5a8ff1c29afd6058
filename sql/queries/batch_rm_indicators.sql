-- batch_rm_indicators.sql - the rows of indicator whose current version came from batch $1.
DELETE FROM indicator WHERE batch_id = $1::bigint
