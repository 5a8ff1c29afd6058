-- rollup_new_goal_copy.sql - rollup_goal_copy.sql into the staging table of
-- rollup_goal_stage.sql.
COPY rollup_new_goal (year, agreement_id, goal_id, window_name, window_kind, first_month,
                      last_month, attainment, status, qualitative, comment, owner_id)
  FROM STDIN (FORMAT binary)
