-- report_rollup_indicator.sql - the rollup of every goal-indicator of the
-- reported agreements in every window of the year, in the columns of
-- report_rollup_goal.sql (one loader reads both).
--
-- $1 integer  the budget year
-- $2 text[]   agreement ids, or NULL for every agreement of the year
--
-- Result: agreement_id, goal_id, indicator_id, window_kind (M, Q, Y, T),
-- last_month, actual, target, attainment (float8, NULL for no value),
-- status, qualitative (always false: a goal's flag).
SELECT r.agreement_id, r.goal_id, r.indicator_id, r.window_kind, r.last_month,
       r.actual::float8, r.target::float8, r.attainment::float8, r.status,
       false AS qualitative
FROM lis.rollup_indicator r
WHERE r.year = $1
  -- every window of the year (the key's second column), so that a chunk's ids
  -- find their rows by the key instead of a scan of the year
  AND r.window_name = ANY (ARRAY(SELECT name FROM lis.year_windows($1)))
  AND ($2::text[] IS NULL OR r.agreement_id = ANY ($2::text[]))
ORDER BY r.agreement_id COLLATE "C", r.goal_id COLLATE "C", r.indicator_id COLLATE "C";
