-- rollup_new_indicator_copy.sql - rollup_indicator_copy.sql into the staging
-- table of rollup_indicator_stage.sql.
COPY rollup_new_indicator (year, agreement_id, goal_id, indicator_id, window_name,
                           window_kind, first_month, last_month, actual, target, attainment,
                           status, weight, owner_id) FROM STDIN (FORMAT binary)
