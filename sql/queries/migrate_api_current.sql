-- migrate_api_current.sql - does the database hold this text of the
-- interface sql/api/?
--
-- $1 text  every file of sql/api/, as engine/migrate.c joins them
-- Result: one row, one boolean.
SELECT EXISTS (SELECT 1 FROM lis.api_state WHERE md5 = md5($1))
