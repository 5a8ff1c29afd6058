-- report_goals.sql - the goals of the reported agreements: owned, shared into
-- them (goals.shared_with), and any the rollup wrote for them; with the
-- latest qualitative status up to the report's window.
--
-- $1 integer  the budget year
-- $2 text[]   agreement ids, or NULL for every agreement of the year
-- $3 integer  the last month of the report's window (1..12)
--
-- Result sorted by agreement_id, goal_id (byte order): agreement_id, goal_id,
-- title, kind, focus_area, cross_cutting, owned, owner_agreement,
-- qualitative (no target row for the year), comment, comment_status,
-- comment_period, comment_author. The status is the latest whose period
-- ends no later than month $3 of year $1 (earlier years count; of two ending
-- in the same month the shorter period wins), as in SPEC section 3.
WITH ag AS (
    SELECT agreement_id
    FROM lis.agreement
    WHERE year = $1 AND ($2::text[] IS NULL OR agreement_id = ANY ($2::text[]))
), gl AS (
    SELECT ga.agreement_id, ga.goal_id
    FROM lis.agreement_goals($1) ga
    -- the ids filter the function's rows (indexes), not a join of all the
    -- year's goals: a chunk's query costs what the chunk reads
    WHERE $2::text[] IS NULL OR ga.agreement_id = ANY ($2::text[])
    UNION
    -- every goal the rollup holds has a row of the year's window: one row a
    -- goal, found by the key
    SELECT r.agreement_id, r.goal_id FROM lis.rollup_goal r JOIN ag USING (agreement_id)
    WHERE r.year = $1 AND r.window_name = $1::text
)
SELECT gl.agreement_id, g.goal_id, g.title, g.kind, g.focus_area, g.cross_cutting,
       g.agreement_id = gl.agreement_id AS owned, g.agreement_id AS owner_agreement,
       NOT EXISTS (SELECT 1 FROM lis.target t WHERE t.goal_id = g.goal_id AND t.year = $1)
           AS qualitative,
       st.comment, st.status, st.period, st.author
FROM gl
JOIN lis.goal g ON g.goal_id = gl.goal_id
LEFT JOIN LATERAL (
    SELECT s.comment, s.status, s.period, s.author
    FROM lis.goal_status s
    WHERE s.goal_id = g.goal_id AND (s.year < $1 OR (s.year = $1 AND s.last_month <= $3))
    ORDER BY s.year DESC, s.last_month DESC, s.last_month - s.first_month, s.period
    LIMIT 1
) st ON true
ORDER BY gl.agreement_id COLLATE "C", g.goal_id COLLATE "C";
