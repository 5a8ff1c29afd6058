-- report_rollup_goal.sql - the rollup of every goal of the reported
-- agreements in every window of the year, in the columns of
-- report_rollup_indicator.sql (one loader reads both).
--
-- $1 integer  the budget year
-- $2 text[]   agreement ids, or NULL for every agreement of the year
--
-- Result: agreement_id, goal_id, indicator_id (NULL: the goal's own row),
-- window_kind (M, Q, Y, T), last_month, actual and target (NULL: a goal has
-- none), attainment (float8 or NULL), status, qualitative.
SELECT r.agreement_id, r.goal_id, NULL::text AS indicator_id, r.window_kind, r.last_month,
       NULL::float8 AS actual, NULL::float8 AS target, r.attainment::float8, r.status,
       r.qualitative
FROM lis.rollup_goal r
WHERE r.year = $1
  -- every window of the year (the key's second column), so that a chunk's ids
  -- find their rows by the key instead of a scan of the year
  AND r.window_name = ANY (ARRAY(SELECT name FROM lis.year_windows($1)))
  AND ($2::text[] IS NULL OR r.agreement_id = ANY ($2::text[]))
ORDER BY r.agreement_id COLLATE "C", r.goal_id COLLATE "C";
