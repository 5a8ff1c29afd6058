-- agreements.sql - lis_api.agreements: agreements with holder, grantor,
-- level and status. Part of the published interface lis_api; columns only
-- ever append. level follows sql/queries/report_agreements.sql (SPEC 3).
CREATE OR REPLACE VIEW lis_api.agreements AS
SELECT a.agreement_id, a.year, a.name, a.status,
       CASE WHEN a.parent_agreement IS NOT NULL OR g.kind = 'fagomraade' THEN 2 ELSE 1 END
           AS level,
       a.holder_unit, h.name AS holder_name, h.leader AS holder_leader,
       a.grantor_unit, g.name AS grantor_name, a.parent_agreement, a.batch_id
  FROM lis.agreement a
  LEFT JOIN lis.unit h ON h.unit_id = a.holder_unit
  LEFT JOIN lis.unit g ON g.unit_id = a.grantor_unit;

COMMENT ON VIEW lis_api.agreements IS
    'Agreements (one per holder and budget year) with holder, grantor, level and status. | Dansk: Aftaler (én pr. aftaleholder og budgetår) med aftaleholder, aftalegiver, niveau og status.';
COMMENT ON COLUMN lis_api.agreements.agreement_id IS 'Agreement id. | Dansk: Aftalens id.';
COMMENT ON COLUMN lis_api.agreements.year IS 'Budget year (calendar year) of the agreement. | Dansk: Aftalens budgetår (kalenderår).';
COMMENT ON COLUMN lis_api.agreements.name IS 'Name of the agreement. | Dansk: Aftalens navn.';
COMMENT ON COLUMN lis_api.agreements.status IS 'udkast, godkendt or afsluttet. | Dansk: Aftalens status: udkast, godkendt eller afsluttet.';
COMMENT ON COLUMN lis_api.agreements.level IS 'Level 1 (direktion and fagchef) or 2 (fagchef and area leader: names a parent or is granted by a fagområde). | Dansk: Niveau 1 (direktion og fagchef) eller 2 (fagchef og områdeleder: har en overordnet aftale eller aftalegiveren er et fagområde).';
COMMENT ON COLUMN lis_api.agreements.holder_unit IS 'The holder unit (aftaleholder); the agreement covers it and all units below it. | Dansk: Aftaleholderens enhed; aftalen omfatter den og alle enheder under den.';
COMMENT ON COLUMN lis_api.agreements.holder_name IS 'Name of the holder unit; empty when the unit is unknown. | Dansk: Aftaleholderens navn; tom når enheden er ukendt.';
COMMENT ON COLUMN lis_api.agreements.holder_leader IS 'Leader of the holder unit. | Dansk: Aftaleholderens leder.';
COMMENT ON COLUMN lis_api.agreements.grantor_unit IS 'The grantor unit (aftalegiver): the direktion or a fagområde. | Dansk: Aftalegiverens enhed: direktionen eller et fagområde.';
COMMENT ON COLUMN lis_api.agreements.grantor_name IS 'Name of the grantor unit; empty when the unit is unknown. | Dansk: Aftalegiverens navn; tom når enheden er ukendt.';
COMMENT ON COLUMN lis_api.agreements.parent_agreement IS 'The level-1 agreement a level-2 agreement belongs under. | Dansk: Den niveau 1-aftale en niveau 2-aftale hører under.';
COMMENT ON COLUMN lis_api.agreements.batch_id IS 'The import batch the row came from. | Dansk: Den importkørsel rækken kom fra.';
