-- rollup_goals_list.sql - the goals rolled up in each of some agreements of a
-- year: their own and those shared into them (agreement_goals).
--
-- $1 integer  the year
-- $2 text[]   the agreement ids
-- Result: agreement_id, goal_id, owner_id; by agreement and goal in byte
-- order.
SELECT agreement_id, goal_id, owner_id
  FROM agreement_goals($1::int)
 WHERE agreement_id = ANY ($2::text[])
 ORDER BY agreement_id COLLATE "C", goal_id COLLATE "C"
