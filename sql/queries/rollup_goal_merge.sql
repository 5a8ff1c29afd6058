-- rollup_goal_merge.sql - replaces the stored goal rows of a year by the
-- computed ones in rollup_new_goal (rollup_goal_stage.sql), writing only
-- what changed, as rollup_indicator_merge.sql does.
--
-- $1 integer  the year
-- $2 boolean  true: every stored row of the year (a full rollup); false:
--             those of the agreements in rollup_todo whose goals were
--             computed again
-- Result: none.
WITH gone AS (
    DELETE FROM rollup_goal r
     WHERE r.year = $1::int
       AND ($2::boolean OR r.agreement_id IN (SELECT agreement_id FROM rollup_todo WHERE goals))
       AND NOT EXISTS (SELECT 1 FROM rollup_new_goal n
                        WHERE n.window_name = r.window_name AND n.agreement_id = r.agreement_id
                          AND n.goal_id = r.goal_id
                          AND (n.window_kind, n.first_month, n.last_month, n.status,
                               n.qualitative, n.owner_id)
                            = (r.window_kind, r.first_month, r.last_month, r.status,
                               r.qualitative, r.owner_id)
                          AND (n.attainment, scale(n.attainment), n.comment)
                              IS NOT DISTINCT FROM
                              (r.attainment, scale(r.attainment), r.comment))
    RETURNING r.window_name, r.agreement_id, r.goal_id
)
INSERT INTO rollup_goal
SELECT n.* FROM rollup_new_goal n
 WHERE NOT EXISTS (SELECT 1 FROM rollup_goal r
                    WHERE r.year = n.year AND r.window_name = n.window_name
                      AND r.agreement_id = n.agreement_id AND r.goal_id = n.goal_id)
    OR (n.window_name, n.agreement_id, n.goal_id) IN (SELECT * FROM gone)
