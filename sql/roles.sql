-- roles.sql - the two database roles of a shared lis installation.
--
-- Run once per database by a DBA, after "lis db init":
--     psql -d lis -f roles.sql
-- then give people membership: GRANT lis_reporter TO analyst_jens;
--
-- lis_loader   may import data and run reports: reads everything, writes the
--              catalogue, data, batch, run and rollup tables. The scheduled
--              monthly job connects as a member of this role.
-- lis_reporter may only read: analysts' ad hoc SQL against the catalogue,
--              the data and the rollup results.
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

GRANT USAGE ON SCHEMA lis TO lis_loader, lis_reporter;

GRANT SELECT ON ALL TABLES IN SCHEMA lis TO lis_reporter;
ALTER DEFAULT PRIVILEGES IN SCHEMA lis GRANT SELECT ON TABLES TO lis_reporter;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA lis TO lis_loader;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA lis TO lis_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA lis GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lis_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA lis GRANT USAGE ON SEQUENCES TO lis_loader;
-- The loader creates temporary staging tables for COPY.
DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO lis_loader', current_database()); END $$;
