-- import_merge_rollback.sql - undoes a merge that broke a unique key, back to
-- import_merge_savepoint.sql.
ROLLBACK TO SAVEPOINT merge
