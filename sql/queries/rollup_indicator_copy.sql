-- rollup_indicator_copy.sql - the indicator rows engine/rollup_goals.c
-- computed, in binary format (engine/copybin.c).
COPY rollup_indicator (year, agreement_id, goal_id, indicator_id, window_name, window_kind,
                       first_month, last_month, actual, target, attainment, status, weight,
                       owner_id) FROM STDIN (FORMAT binary)
