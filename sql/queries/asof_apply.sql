-- asof_apply.sql - rewrites the data tables to how they stood when batch $1
-- was the newest (lis.as_of_apply, migration 002). Only inside a transaction
-- that is rolled back afterwards.
-- $1 bigint  the batch id. Result: one row, void.
SELECT lis.as_of_apply($1::bigint)
