-- roles.sql - the two database roles of a shared lis installation.
--
-- Run once per database by a DBA, after "lis db init":
--     psql -d lis -f roles.sql
-- then give people membership: GRANT lis_reporter TO analyst_jens;
--
-- lis_loader   may import data and run reports: reads everything, writes the
--              catalogue, data, batch, run and rollup tables. The scheduled
--              monthly job connects as a member of this role.
-- lis_reporter may only read the interface lis_api (sql/api/): views of the
--              catalogue, the data and the rollup results with stable names
--              and columns, for analysts' Excel, Power BI and ad hoc SQL. It
--              cannot read the tables of lis, which change between versions.
-- Neither may change the schema; "lis db init" runs as the schema's owner.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lis_loader') THEN
        CREATE ROLE lis_loader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lis_reporter') THEN
        CREATE ROLE lis_reporter NOLOGIN;
    END IF;
END
$$;

-- USAGE on lis lets names be looked up, not rows read: lis show, run by the
-- reporter, is then told "permission denied" when it tries to roll up, and
-- shows the stored figures.
GRANT USAGE ON SCHEMA lis TO lis_loader, lis_reporter;

-- The interface; "lis db init" grants it again whenever it re-creates views.
GRANT USAGE ON SCHEMA lis_api TO lis_loader, lis_reporter;
GRANT SELECT ON ALL TABLES IN SCHEMA lis_api TO lis_loader, lis_reporter;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA lis_api TO lis_loader, lis_reporter;
-- An earlier roles.sql let the reporter read lis itself: no longer.
REVOKE SELECT ON ALL TABLES IN SCHEMA lis FROM lis_reporter;
ALTER DEFAULT PRIVILEGES IN SCHEMA lis REVOKE SELECT ON TABLES FROM lis_reporter;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA lis TO lis_loader;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA lis TO lis_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA lis GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lis_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA lis GRANT USAGE ON SEQUENCES TO lis_loader;
-- The loader creates temporary staging tables for COPY.
DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO lis_loader', current_database()); END $$;
