-- api_grant.sql - grants the interface lis_api (sql/api/) to the roles of
-- sql/roles.sql that exist: lis_reporter and lis_loader read every view and
-- may call its functions. Run by engine/migrate.c in the transaction that
-- (re)creates the views, so a view a migration had to drop comes back with its
-- grants. No parameters, no result.
DO $$
DECLARE
    r text;
BEGIN
    -- check_findings reads lis with its owner's rights: only the roles call it
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA lis_api FROM PUBLIC;
    FOREACH r IN ARRAY ARRAY['lis_reporter', 'lis_loader'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('GRANT USAGE ON SCHEMA lis_api TO %I', r);
            EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA lis_api TO %I', r);
            EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA lis_api TO %I', r);
        END IF;
    END LOOP;
END
$$
