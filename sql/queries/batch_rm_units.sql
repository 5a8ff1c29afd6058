-- batch_rm_units.sql - the rows of unit whose current version came from batch $1.
DELETE FROM unit WHERE batch_id = $1::bigint
