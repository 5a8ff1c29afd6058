-- rollup_goals_statuses.sql - the statuses of the goals rolled up in some
-- agreements, of the year and earlier: a goal without target rows takes the
-- latest whose period ends no later than the window (SPEC section 3).
--
-- $1 integer  the year
-- $2 text[]   the agreement ids
-- Result: goal_id, year, first_month, last_month, status, comment; by goal
-- in byte order, then latest first (of two ending in the same month the
-- shorter first).
SELECT s.goal_id, s.year, s.first_month, s.last_month, s.status, s.comment
  FROM goal_status s
 WHERE s.year <= $1::int
   AND s.goal_id IN (SELECT goal_id FROM agreement_goals($1::int)
                      WHERE agreement_id = ANY ($2::text[]))
 ORDER BY s.goal_id COLLATE "C", s.year DESC, s.last_month DESC, s.first_month DESC
