-- rollup_goal.sql - goal attainment and status per agreement, goal and window
-- of one year (SPEC section 3), inserted into rollup_goal. Reads the
-- rollup_indicator rows of the year (insert those first, same transaction).
-- Only the agreements of rollup_todo (rollup_todo.sql) whose goals are
-- computed again.
--
-- $1 integer  the year
-- $2 numeric  the configured yellow threshold (%) for the goal status
-- Result: none (INSERT).
--
-- A goal with target rows for the year is measured by its indicators; one
-- without is qualitative and takes the latest status whose period ends no
-- later than the window (earlier years count; of two ending in the same month
-- the shorter wins). Every goal row carries that status's comment.
WITH RECURSIVE
win AS (SELECT * FROM year_windows($1::int)),
ga AS (
    SELECT * FROM agreement_goals($1::int)
     WHERE agreement_id IN (SELECT agreement_id FROM rollup_todo WHERE goals)
),
measured AS (
    SELECT agreement_id, goal_id, window_name,
           sum(weight) FILTER (WHERE attainment IS NOT NULL) AS wsum,
           sum(weight * least(attainment, 100)) FILTER (WHERE attainment IS NOT NULL) AS watt,
           count(attainment) AS n_att,
           bool_and(status = 'not_due') AS all_not_due,
           coalesce(bool_and(status = 'green') FILTER (WHERE attainment IS NOT NULL), false)
               AS all_green
      FROM rollup_indicator
     WHERE year = $1
       AND agreement_id IN (SELECT agreement_id FROM rollup_todo WHERE goals)
     GROUP BY 1, 2, 3
),
-- Per goal and window: the latest status whose period ends no later than the
-- window's end (earlier years count; on a tie the shorter period wins).
st AS (
    SELECT DISTINCT ON (s.goal_id, w.name) s.goal_id, w.name, s.status, s.comment
      FROM goal_status s
      JOIN win w ON s.year < $1 OR (s.year = $1 AND s.last_month <= w.wl)
     WHERE s.goal_id IN (SELECT goal_id FROM ga)
     ORDER BY s.goal_id, w.name, s.year DESC, s.last_month DESC, s.first_month DESC
),
rows AS (
    SELECT ga.agreement_id, ga.goal_id, ga.owner_id, w.kind, w.wf, w.wl, w.name,
           mz.wsum, mz.watt, mz.n_att, mz.all_not_due, mz.all_green,
           CASE WHEN mz.wsum > 0 THEN mz.watt / mz.wsum END AS att,
           st.status AS qstatus, st.comment
      FROM ga
     CROSS JOIN win w
      LEFT JOIN measured mz ON mz.agreement_id = ga.agreement_id AND mz.goal_id = ga.goal_id
                           AND mz.window_name = w.name
      LEFT JOIN st ON st.goal_id = ga.goal_id AND st.name = w.name
)
INSERT INTO rollup_goal (year, agreement_id, goal_id, window_name, window_kind, first_month,
                         last_month, attainment, status, qualitative, comment, owner_id)
SELECT $1, agreement_id, goal_id, name, kind, wf, wl, att,
       CASE WHEN n_att IS NULL THEN
                CASE WHEN qstatus IN ('opfyldt', 'paa-sporet') THEN 'green'
                     WHEN qstatus IN ('delvist', 'forsinket') THEN 'yellow'
                     WHEN qstatus IN ('ikke-opfyldt', 'ikke-startet') THEN 'red'
                     ELSE 'grey' END
            WHEN all_not_due THEN 'not_due'
            WHEN n_att = 0 THEN 'grey'
            WHEN all_green THEN 'green'
            WHEN att IS NOT NULL AND round(att, 6) >= $2::numeric THEN 'yellow'
            ELSE 'red' END,
       n_att IS NULL, comment, owner_id
  FROM rows
