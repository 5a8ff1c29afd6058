-- rollup_goal_copy.sql - the goal rows engine/rollup_goals.c computed, in
-- binary format (engine/copybin.c).
COPY rollup_goal (year, agreement_id, goal_id, window_name, window_kind, first_month,
                  last_month, attainment, status, qualitative, comment, owner_id)
  FROM STDIN (FORMAT binary)
