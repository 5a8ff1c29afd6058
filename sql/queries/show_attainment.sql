-- show_attainment.sql - the stored attainment rows for "lis show attainment",
-- read from the interface view lis_api.attainment (sql/api/attainment.sql),
-- so that analysts and lis show read one definition.
--
-- $1 integer  the year
-- $2 text     a window name ('2026-03', '2026-Q1', '2026', '2026-YTD-03'), or
--             NULL for every window of the year
-- $3 text     an agreement id, or NULL for every agreement
-- Result: agreement_id, goal_id, indicator_id ('' on the goal row), period,
-- actual, target, attainment (unrounded numeric text, trailing zeros
-- trimmed; NULL where there is no value), status, decimals (the indicator's,
-- for display), qualitative, comment.
--
-- Row order (stable, documented in README): agreement, goal, then the goal
-- row before its indicator rows (by indicator id), then windows in calendar
-- order: by last month, shorter windows first (month, quarter, YTD, year).
SELECT agreement_id, goal_id, indicator_id, period, actual::text, target::text,
       attainment::text, status, decimals, qualitative, comment
  FROM lis_api.attainment
 WHERE year = $1 AND ($2::text IS NULL OR period = $2)
   AND ($3::text IS NULL OR agreement_id = $3)
 ORDER BY agreement_id COLLATE "C", goal_id COLLATE "C", indicator_id COLLATE "C",
          last_month, last_month - first_month,
          CASE window_kind WHEN 'month' THEN 0 WHEN 'quarter' THEN 1 WHEN 'ytd' THEN 2
                           ELSE 3 END
