-- rollup_goals_last.sql - for the indicators aggregated by "last": every
-- value of the year per agreement, indicator, unit of U(A) and period (the
-- rollup takes, per unit, the latest period in a window).
--
-- $1 integer  the year
-- $2 text[]   the agreement ids
-- Result: agreement_id, indicator_id, unit_id, first_month, last_month,
-- value; by agreement, indicator and unit in byte order.
WITH
need AS (
    SELECT DISTINCT ga.agreement_id, t.indicator_id
      FROM agreement_goals($1::int) ga
      JOIN target t ON t.goal_id = ga.goal_id AND t.year = $1::int
      JOIN indicator i ON i.indicator_id = t.indicator_id
     WHERE ga.agreement_id = ANY ($2::text[]) AND i.aggregation = 'last'
)
SELECT n.agreement_id, m.indicator_id, m.unit_id, m.first_month, m.last_month, m.value
  FROM need n
  JOIN rollup_au au ON au.agreement_id = n.agreement_id
  -- by the key, as in rollup_goals_values.sql
  CROSS JOIN LATERAL (
      SELECT m.indicator_id, m.unit_id, m.first_month, m.last_month, m.value
        FROM measurement m
       WHERE m.year = $1::int AND m.indicator_id = n.indicator_id
         AND m.unit_id = au.unit_id AND m.value IS NOT NULL
      OFFSET 0) m
 ORDER BY n.agreement_id COLLATE "C", m.indicator_id COLLATE "C", m.unit_id COLLATE "C"
