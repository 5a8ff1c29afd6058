-- report_indicators.sql - the indicators of each reported goal: those with a
-- target row for the year, with the catalogue fields the renderers show.
--
-- $1 integer  the budget year
-- $2 text[]   agreement ids, or NULL for every agreement of the year
--
-- Result sorted by agreement_id, goal_id, indicator_id (byte order):
-- agreement_id, goal_id, indicator_id, name, unit, decimals, direction,
-- aggregation, frequency, weight, low, high.
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
SELECT gl.agreement_id, t.goal_id, t.indicator_id, i.name, i.unit, i.decimals,
       i.direction, i.aggregation, i.frequency, t.weight::float8, t.low::float8,
       t.high::float8
FROM gl
JOIN lis.target t ON t.goal_id = gl.goal_id AND t.year = $1
JOIN lis.indicator i ON i.indicator_id = t.indicator_id
ORDER BY gl.agreement_id COLLATE "C", t.goal_id COLLATE "C", t.indicator_id COLLATE "C";
