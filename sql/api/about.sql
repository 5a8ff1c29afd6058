-- about.sql - lis_api.about: which schema and interface the database holds.
-- lis reads it to check the schema version when the connecting role (such
-- as lis_reporter) may not read the lis schema. Part of the published
-- interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.about AS
SELECT (SELECT coalesce(max(version), 0) FROM lis.schema_version) AS schema_version,
       1 AS interface_version;

COMMENT ON VIEW lis_api.about IS
    'One row: the schema version of the database and the version of this interface (lis_api). | Dansk: Én række: databasens skemaversion og versionen af denne grænseflade (lis_api).';
COMMENT ON COLUMN lis_api.about.schema_version IS 'The newest migration applied. | Dansk: Den nyeste anvendte migrering.';
COMMENT ON COLUMN lis_api.about.interface_version IS 'Version of the lis_api interface; raised when a column is removed or changes type. | Dansk: Version af grænsefladen lis_api; øges når en kolonne fjernes eller skifter type.';
