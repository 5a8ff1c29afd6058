-- batch_rm_measurements.sql - the measurements batch $1 holds now.
DELETE FROM measurement WHERE batch_id = $1::bigint
