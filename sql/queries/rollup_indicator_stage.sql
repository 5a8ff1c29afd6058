-- rollup_indicator_stage.sql - the temporary table that a rollup of a year
-- with stored rows COPYs its computed indicator rows into (dropped at
-- commit); rollup_indicator_merge.sql then writes only what changed.
CREATE TEMP TABLE rollup_new_indicator (LIKE rollup_indicator) ON COMMIT DROP
