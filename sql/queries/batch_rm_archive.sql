-- batch_rm_archive.sql - keeps the rows the withdrawal of batch $1 is about to
-- remove (lis.batch_archive, migration 002), for "--as-of-batch".
SELECT lis.batch_archive($1::bigint)
