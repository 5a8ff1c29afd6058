-- migrate_version_source.sql - which schema tells this role the schema
-- version: 'l' (lis.schema_version), 'a' (only the interface: lis_api.about,
-- for lis_reporter) or 'n' (neither: an empty database). Naming a table of
-- lis without USAGE on lis is an error, not NULL, hence the nested CASE (AND
-- promises no order).
--
-- No parameters. Result: one row, one char.
SELECT CASE WHEN to_regnamespace('lis') IS NULL THEN 'n'
            WHEN CASE WHEN NOT has_schema_privilege('lis', 'USAGE') THEN false
                      WHEN to_regclass('lis.schema_version') IS NULL THEN true
                      ELSE has_table_privilege('lis.schema_version', 'SELECT') END THEN 'l'
            WHEN to_regnamespace('lis_api') IS NOT NULL
                 AND has_schema_privilege('lis_api', 'USAGE') THEN 'a'
            ELSE 'n' END
