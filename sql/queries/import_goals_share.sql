-- import_goals_share.sql - the agreements each staged goal is shared with, as
-- listed (ids that are no agreement are kept and ignored by the rollup).
-- $1: batch_id.
INSERT INTO goal_share (goal_id, agreement_id)
SELECT DISTINCT s.goal_id, x.id
FROM import_stage s, regexp_split_to_table(s.shared_with, ' ') AS x(id)
WHERE s.shared_with IS NOT NULL AND x.id <> '' AND $1::bigint IS NOT NULL
ON CONFLICT DO NOTHING
