-- 004_api.sql - the schema lis_api: the published, read-only interface for
-- analysts (Excel, Power BI, ad hoc SQL) and the only thing lis_reporter may
-- read (issue 13; README "The analysts' interface: lis_api").
--
-- The views themselves are in sql/api/, one file each. lis applies them after
-- the migrations (engine/migrate.c) whenever their text differs from what the
-- database last got (lis.api_state), with CREATE OR REPLACE VIEW, so the
-- reporter's grants stay: columns only ever append. A later migration that
-- must drop, rename or retype a column of a view drops that view itself; the
-- interface step then creates it again and re-grants (sql/queries/
-- api_grant.sql) in the same transaction as the other views.

SET LOCAL search_path = lis;

CREATE SCHEMA IF NOT EXISTS lis_api;
COMMENT ON SCHEMA lis_api IS
    'The published read-only interface of lis for analysts: views with stable names and columns (columns only ever append). | Dansk: Den offentliggjorte skrivebeskyttede grænseflade til lis for analytikere: views med faste navne og kolonner (kolonner tilføjes kun).';

-- The md5 of the interface text (every file of sql/api/, in order) that was
-- last applied: lis applies sql/api/ again when its own text differs.
CREATE TABLE api_state (
    one        boolean PRIMARY KEY DEFAULT true CHECK (one),
    md5        text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- A database set up with an earlier roles.sql let lis_reporter read every
-- table of lis; from now on it reads lis_api only (USAGE on lis stays: it
-- reads no rows, and lis show learns "permission denied"; see roles.sql).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lis_reporter') THEN
        REVOKE SELECT ON ALL TABLES IN SCHEMA lis FROM lis_reporter;
        ALTER DEFAULT PRIVILEGES IN SCHEMA lis REVOKE SELECT ON TABLES FROM lis_reporter;
    END IF;
END
$$;
