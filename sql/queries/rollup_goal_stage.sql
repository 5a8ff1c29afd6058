-- rollup_goal_stage.sql - the temporary table that a rollup of a year with
-- stored rows COPYs its computed goal rows into (dropped at commit);
-- rollup_goal_merge.sql then writes only what changed.
CREATE TEMP TABLE rollup_new_goal (LIKE rollup_goal) ON COMMIT DROP
