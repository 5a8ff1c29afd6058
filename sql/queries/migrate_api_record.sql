-- migrate_api_record.sql - records the interface text just applied.
--
-- $1 text  every file of sql/api/, as engine/migrate.c joins them
-- No result.
INSERT INTO lis.api_state (md5) VALUES (md5($1))
    ON CONFLICT (one) DO UPDATE SET md5 = excluded.md5, applied_at = now()
