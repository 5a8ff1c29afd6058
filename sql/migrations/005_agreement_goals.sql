-- 005_agreement_goals.sql - the goals of each agreement, stated once: the
-- agreement's own goals, and the cross-cutting goals of other agreements
-- shared into it (goal_share). The rollup, the report model and lis ready
-- read this function instead of each stating the union again.

SET LOCAL search_path = lis;

-- The goals of every agreement of year y: (agreement_id, goal_id, owner_id),
-- owner_id being the agreement that owns the goal. A share into the owner
-- itself, or into an id that is no agreement of year y, gives no row. A
-- plain SQL function, so the planner inlines it into the calling query.
CREATE FUNCTION agreement_goals(y integer)
RETURNS TABLE (agreement_id text, goal_id text, owner_id text)
LANGUAGE sql STABLE AS $$
    SELECT g.agreement_id, g.goal_id, g.agreement_id
      FROM lis.goal g JOIN lis.agreement a USING (agreement_id)
     WHERE a.year = y
    UNION ALL
    SELECT s.agreement_id, g.goal_id, g.agreement_id
      FROM lis.goal_share s
      JOIN lis.goal g USING (goal_id)
      JOIN lis.agreement a ON a.agreement_id = s.agreement_id
     WHERE a.year = y AND s.agreement_id <> g.agreement_id
$$;
