-- import_units_merge.sql - upserts the staged units. $1: batch_id.
INSERT INTO unit (unit_id, name, parent_id, kind, leader, batch_id)
SELECT unit_id, name, parent_id, kind, leader, $1::bigint FROM import_stage
ON CONFLICT (unit_id) DO UPDATE
SET name = EXCLUDED.name, parent_id = EXCLUDED.parent_id, kind = EXCLUDED.kind,
    leader = EXCLUDED.leader, batch_id = EXCLUDED.batch_id
