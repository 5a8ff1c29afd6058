-- rollup_todo.sql - the agreements of a year whose figures a rollup
-- computes again, as a temporary table rollup_todo(agreement_id, goals,
-- economy) dropped at the end of the rollup's transaction: goals says its
-- indicator and goal rows, economy its economy rows.
--
-- $1 integer  the year
-- $2 bigint   the newest batch id the last rollup saw; NULL for a full
--             rollup (every agreement, both flags)
-- Result: none.
--
-- Incrementally (only measurements, budget lines or transfers arrived since
-- batch $2; the caller has checked that): an agreement's goals when a new or
-- replaced measurement of the year is of an indicator its target rows use
-- (as itself, numerator or denominator) and of a unit in U(A); its economy
-- when a new budget line of the year is on a cost centre of U(A). Reads
-- rollup_au (rollup_prepare_units.sql).
CREATE TEMP TABLE rollup_todo ON COMMIT DROP AS
WITH
nb AS (SELECT batch_id FROM import_batch WHERE batch_id > $2::bigint AND withdrawn_at IS NULL),
mi AS (
    SELECT DISTINCT indicator_id, unit_id FROM measurement
     WHERE year = $1::int AND batch_id IN (SELECT batch_id FROM nb)
),
bc AS (
    SELECT DISTINCT cost_centre FROM budget_line
     WHERE year = $1::int AND batch_id IN (SELECT batch_id FROM nb)
),
gi AS (
    SELECT DISTINCT ga.agreement_id, i.indicator_id, i.numerator, i.denominator
      FROM agreement_goals($1::int) ga
      JOIN target t ON t.goal_id = ga.goal_id AND t.year = $1::int
      JOIN indicator i ON i.indicator_id = t.indicator_id
),
gm AS (
    SELECT DISTINCT gi.agreement_id
      FROM gi
      JOIN rollup_au au ON au.agreement_id = gi.agreement_id
      JOIN mi ON mi.unit_id = au.unit_id
             AND mi.indicator_id IN (gi.indicator_id, gi.numerator, gi.denominator)
),
em AS (
    SELECT DISTINCT au.agreement_id
      FROM rollup_au au JOIN cost_centre c USING (unit_id) JOIN bc USING (cost_centre)
),
t AS (
    SELECT a.agreement_id,
           $2::bigint IS NULL OR a.agreement_id IN (SELECT agreement_id FROM gm) AS goals,
           $2::bigint IS NULL OR a.agreement_id IN (SELECT agreement_id FROM em) AS economy
      FROM agreement a
     WHERE a.year = $1::int
)
SELECT agreement_id, goals, economy FROM t WHERE goals OR economy
