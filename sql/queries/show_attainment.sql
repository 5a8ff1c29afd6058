-- show_attainment.sql - the stored attainment rows for "lis show attainment".
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
SELECT agreement_id, goal_id, indicator_id, window_name AS period, actual, target,
       attainment, status, decimals, qualitative, comment
  FROM (SELECT r.agreement_id, r.goal_id, r.indicator_id, r.window_name, r.window_kind,
               r.first_month, r.last_month, trim_scale(r.actual)::text AS actual,
               trim_scale(r.target)::text AS target,
               trim_scale(r.attainment)::text AS attainment, r.status,
               coalesce(i.decimals, 1) AS decimals, false AS qualitative, NULL::text AS comment
          FROM rollup_indicator r LEFT JOIN indicator i USING (indicator_id)
         WHERE r.year = $1 AND ($2::text IS NULL OR r.window_name = $2)
           AND ($3::text IS NULL OR r.agreement_id = $3)
        UNION ALL
        SELECT g.agreement_id, g.goal_id, '', g.window_name, g.window_kind, g.first_month,
               g.last_month, NULL, NULL, trim_scale(g.attainment)::text, g.status, 1,
               g.qualitative, g.comment
          FROM rollup_goal g
         WHERE g.year = $1 AND ($2::text IS NULL OR g.window_name = $2)
           AND ($3::text IS NULL OR g.agreement_id = $3)) x
 ORDER BY agreement_id COLLATE "C", goal_id COLLATE "C", indicator_id COLLATE "C",
          last_month, last_month - first_month,
          CASE window_kind WHEN 'M' THEN 0 WHEN 'Q' THEN 1 WHEN 'T' THEN 2 ELSE 3 END
