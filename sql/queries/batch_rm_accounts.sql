-- batch_rm_accounts.sql - the rows of account whose current version came from batch $1.
DELETE FROM account WHERE batch_id = $1::bigint
