-- import_merge_savepoint.sql - the point a merge that broke a unique key
-- returns to (import_merge_rollback.sql), to name the duplicate keys.
SAVEPOINT merge
