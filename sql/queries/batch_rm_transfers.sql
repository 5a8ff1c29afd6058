-- batch_rm_transfers.sql - the rows of transfer whose current version came from batch $1.
DELETE FROM transfer WHERE batch_id = $1::bigint
