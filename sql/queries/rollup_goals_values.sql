-- rollup_goals_values.sql - the measurements of a year that some agreements'
-- target rows need, summed per agreement, indicator and period over U(A)
-- (the temporary table rollup_au of rollup_prepare_units.sql). An indicator
-- is needed as itself, or as the numerator or denominator of a ratio.
-- Values that are NULL count nowhere.
--
-- $1 integer  the year
-- $2 text[]   the agreement ids
-- Result: agreement_id, indicator_id, first_month, last_month, n (values),
-- s (their sum), mn, mx (least and greatest); by agreement and indicator in
-- byte order.
WITH
gi AS (
    SELECT ga.agreement_id, i.indicator_id, i.aggregation, i.numerator, i.denominator
      FROM agreement_goals($1::int) ga
      JOIN target t ON t.goal_id = ga.goal_id AND t.year = $1::int
      JOIN indicator i ON i.indicator_id = t.indicator_id
     WHERE ga.agreement_id = ANY ($2::text[])
),
need AS (
    SELECT agreement_id, indicator_id FROM gi WHERE aggregation <> 'ratio'
    UNION SELECT agreement_id, numerator FROM gi WHERE aggregation = 'ratio'
    UNION SELECT agreement_id, denominator FROM gi WHERE aggregation = 'ratio'
)
SELECT n.agreement_id, m.indicator_id, m.first_month, m.last_month, count(*) AS n,
       sum(m.value) AS s, min(m.value) AS mn, max(m.value) AS mx
  FROM need n
  JOIN rollup_au au ON au.agreement_id = n.agreement_id
  -- each (indicator, unit) looked up by the primary key, which begins (year,
  -- indicator_id, unit_id): a chunk reads its own measurements, not a scan of
  -- the year's (OFFSET 0 keeps the planner from turning the lookups back into
  -- a join; at scale 100 the scan was 0.8 s a chunk, 41 chunks)
  CROSS JOIN LATERAL (
      SELECT m.indicator_id, m.first_month, m.last_month, m.value
        FROM measurement m
       WHERE m.year = $1::int AND m.indicator_id = n.indicator_id
         AND m.unit_id = au.unit_id AND m.value IS NOT NULL
      OFFSET 0) m
 GROUP BY 1, 2, 3, 4
 ORDER BY n.agreement_id COLLATE "C", m.indicator_id COLLATE "C"
