-- session_client_check.sql - has the server look at lis's socket every
-- second while a statement runs, so that the statement of a lis that was
-- killed (or whose machine was lost) ends then instead of running on with
-- its locks and a core. PostgreSQL 14 and later; a server whose platform
-- cannot (Windows) refuses it, and lis goes on without it (engine/db.c).
-- No parameters.
SET client_connection_check_interval = '1s'
