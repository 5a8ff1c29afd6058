-- import_cost_centres_merge.sql - upserts the staged cost centres. A unit that
-- does not exist is kept: the cost centre is then unallocated. $1: batch_id.
INSERT INTO cost_centre (cost_centre, unit_id, name, batch_id)
SELECT cost_centre, unit_id, name, $1::bigint FROM import_stage
ON CONFLICT (cost_centre) DO UPDATE
SET unit_id = EXCLUDED.unit_id, name = EXCLUDED.name, batch_id = EXCLUDED.batch_id
