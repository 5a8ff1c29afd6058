-- import_accounts_merge.sql - upserts the staged accounts. $1: batch_id.
INSERT INTO account (function, name, policy_area, service_frame, batch_id)
SELECT function, name, policy_area, service_frame, $1::bigint FROM import_stage
ON CONFLICT (function) DO UPDATE
SET name = EXCLUDED.name, policy_area = EXCLUDED.policy_area,
    service_frame = EXCLUDED.service_frame, batch_id = EXCLUDED.batch_id
