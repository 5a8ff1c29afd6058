-- units.sql - lis_api.units: the municipality's tree of units.
-- Part of the published interface lis_api (README "The analysts' interface:
-- lis_api"). Columns only ever append; see sql/migrations/004_api.sql.
CREATE OR REPLACE VIEW lis_api.units AS
SELECT unit_id, name, parent_id, kind, leader, batch_id
  FROM lis.unit;

COMMENT ON VIEW lis_api.units IS
    'The units of the municipality (kommune, direktion, fagomraade, omraade, institution) as a tree. | Dansk: Kommunens enheder som et træ.';
COMMENT ON COLUMN lis_api.units.unit_id IS 'Unit id, as in the units file. | Dansk: Enhedens id som i enhedsfilen.';
COMMENT ON COLUMN lis_api.units.name IS 'Name of the unit. | Dansk: Enhedens navn.';
COMMENT ON COLUMN lis_api.units.parent_id IS 'The parent unit; empty at the top. | Dansk: Den overordnede enhed; tom øverst.';
COMMENT ON COLUMN lis_api.units.kind IS 'kommune, direktion, fagomraade, omraade or institution. | Dansk: Enhedens type: kommune, direktion, fagomraade, omraade eller institution.';
COMMENT ON COLUMN lis_api.units.leader IS 'The leader of the unit. | Dansk: Enhedens leder.';
COMMENT ON COLUMN lis_api.units.batch_id IS 'The import batch the row came from (lis_api.batches). | Dansk: Den importkørsel rækken kom fra (lis_api.batches).';
