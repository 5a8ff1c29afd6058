-- import_agreements_merge.sql - upserts the staged agreements. Unknown holders,
-- grantors and parents are findings of lis check, not import errors.
-- $1: batch_id.
INSERT INTO agreement (agreement_id, year, name, holder_unit, grantor_unit, parent_agreement,
                       status, batch_id)
SELECT agreement_id, year, name, holder_unit, grantor_unit, parent_agreement, status,
       $1::bigint
FROM import_stage
ON CONFLICT (agreement_id) DO UPDATE
SET year = EXCLUDED.year, name = EXCLUDED.name, holder_unit = EXCLUDED.holder_unit,
    grantor_unit = EXCLUDED.grantor_unit, parent_agreement = EXCLUDED.parent_agreement,
    status = EXCLUDED.status, batch_id = EXCLUDED.batch_id
