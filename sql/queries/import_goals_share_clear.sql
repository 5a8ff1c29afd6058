-- import_goals_share_clear.sql - a re-imported goal's shares are replaced by
-- the file's. $1: batch_id (the goals are those staged).
DELETE FROM goal_share
WHERE goal_id IN (SELECT goal_id FROM import_stage) AND $1::bigint IS NOT NULL
