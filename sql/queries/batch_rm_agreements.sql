-- batch_rm_agreements.sql - the rows of agreement whose current version came from batch $1.
DELETE FROM agreement WHERE batch_id = $1::bigint
