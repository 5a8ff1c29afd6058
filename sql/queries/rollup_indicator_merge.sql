-- rollup_indicator_merge.sql - replaces the stored indicator rows of a year
-- by the computed ones in rollup_new_indicator (rollup_indicator_stage.sql),
-- writing only what changed: a stored row is deleted when its computed row
-- differs in any column (a figure also when only numeric's scale differs:
-- 5.0 is not 5.00) or was not computed, and a computed row is inserted unless the same
-- row is stored. When a month of data arrives most of a year's rows stay as
-- they are, and rewriting them (their index entries above all) was most of
-- the cost of storing the rows.
--
-- $1 integer  the year
-- $2 boolean  true: every stored row of the year is replaced (a full
--             rollup); false: those of the agreements in rollup_todo whose
--             goals were computed again
-- Result: none. A statement sees the table as it was before it, so the rows
-- inserted are the new keys and the keys just deleted.
WITH gone AS (
    DELETE FROM rollup_indicator r
     WHERE r.year = $1::int
       AND ($2::boolean OR r.agreement_id IN (SELECT agreement_id FROM rollup_todo WHERE goals))
       AND NOT EXISTS (SELECT 1 FROM rollup_new_indicator n
                        WHERE n.window_name = r.window_name AND n.agreement_id = r.agreement_id
                          AND n.goal_id = r.goal_id AND n.indicator_id = r.indicator_id
                          AND (n.window_kind, n.first_month, n.last_month, n.status,
                               n.weight, scale(n.weight), n.owner_id)
                            = (r.window_kind, r.first_month, r.last_month, r.status,
                               r.weight, scale(r.weight), r.owner_id)
                          AND (n.actual, scale(n.actual), n.target, scale(n.target),
                               n.attainment, scale(n.attainment))
                              IS NOT DISTINCT FROM
                              (r.actual, scale(r.actual), r.target, scale(r.target),
                               r.attainment, scale(r.attainment)))
    RETURNING r.window_name, r.agreement_id, r.goal_id, r.indicator_id
)
INSERT INTO rollup_indicator
SELECT n.* FROM rollup_new_indicator n
 WHERE NOT EXISTS (SELECT 1 FROM rollup_indicator r
                    WHERE r.year = n.year AND r.window_name = n.window_name
                      AND r.agreement_id = n.agreement_id AND r.goal_id = n.goal_id
                      AND r.indicator_id = n.indicator_id)
    OR (n.window_name, n.agreement_id, n.goal_id, n.indicator_id) IN (SELECT * FROM gone)
