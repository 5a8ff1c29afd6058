-- cost_centres.sql - lis_api.cost_centres: cost centres and their units.
-- Part of the published interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.cost_centres AS
SELECT cost_centre, unit_id, name, batch_id
  FROM lis.cost_centre;

COMMENT ON VIEW lis_api.cost_centres IS
    'Cost centres and the unit each belongs to; a cost centre with no known unit is unallocated. | Dansk: Omkostningssteder og den enhed hvert hører til; et omkostningssted uden kendt enhed er ikke-fordelt.';
COMMENT ON COLUMN lis_api.cost_centres.cost_centre IS 'Cost centre code. | Dansk: Omkostningsstedets kode.';
COMMENT ON COLUMN lis_api.cost_centres.unit_id IS 'The unit the cost centre belongs to (lis_api.units); may be empty or unknown. | Dansk: Den enhed omkostningsstedet hører til (lis_api.units); kan være tom eller ukendt.';
COMMENT ON COLUMN lis_api.cost_centres.name IS 'Name of the cost centre. | Dansk: Omkostningsstedets navn.';
COMMENT ON COLUMN lis_api.cost_centres.batch_id IS 'The import batch the row came from. | Dansk: Den importkørsel rækken kom fra.';
