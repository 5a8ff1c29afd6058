-- rollup_goals_targets.sql - the target rows of the year of every goal rolled
-- up in some agreements (rollup_goals_list.sql), with what the rollup needs
-- of their indicators (SPEC section 3).
--
-- $1 integer  the year
-- $2 text[]   the agreement ids
-- Result: agreement_id, goal_id, indicator_id, the target row's baseline,
-- target, low, high, method, weight, yellow, q1..q4 (numeric as text) and
-- profile ('linear' without a baseline and 'custom' without all four
-- quarters are 'flat'), the indicator's direction, aggregation, frequency,
-- unit, numerator and denominator; by agreement, goal and indicator in byte
-- order.
SELECT ga.agreement_id, ga.goal_id, t.indicator_id, t.baseline, t.target, t.low, t.high,
       t.method, t.weight, t.yellow, t.q1, t.q2, t.q3, t.q4,
       CASE WHEN t.profile = 'linear' AND t.baseline IS NULL THEN 'flat'
            WHEN t.profile = 'custom' AND (t.q1 IS NULL OR t.q2 IS NULL OR t.q3 IS NULL
                                           OR t.q4 IS NULL) THEN 'flat'
            ELSE t.profile END AS profile,
       i.direction, i.aggregation, i.frequency, i.unit, i.numerator, i.denominator
  FROM agreement_goals($1::int) ga
  JOIN target t ON t.goal_id = ga.goal_id AND t.year = $1::int
  JOIN indicator i ON i.indicator_id = t.indicator_id
 WHERE ga.agreement_id = ANY ($2::text[])
 ORDER BY ga.agreement_id COLLATE "C", ga.goal_id COLLATE "C", t.indicator_id COLLATE "C"
