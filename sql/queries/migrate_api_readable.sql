-- migrate_api_readable.sql - may this role read lis.api_state (the md5 of
-- the interface the database last got)? lis_reporter may not.
--
-- No parameters. Result: one row, one boolean.
SELECT CASE WHEN NOT has_schema_privilege('lis', 'USAGE') THEN false
            WHEN to_regclass('lis.api_state') IS NULL THEN false
            ELSE has_table_privilege('lis.api_state', 'SELECT') END
