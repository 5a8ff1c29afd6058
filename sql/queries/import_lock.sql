-- import_lock.sql - serialises imports of one kind (the duplicate check must
-- see the batches that commit before it).
-- $1: kind. Held until the transaction ends.
SELECT pg_advisory_xact_lock(hashtext('lis import ' || $1))
