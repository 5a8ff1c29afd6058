-- rollup_goals_todo.sql - the agreements whose indicator and goal rows the
-- rollup computes again (rollup_todo.sql), in byte order: the chunks that
-- engine/rollup_goals.c computes one after the other.
--
-- Result: agreement_id, one row each.
SELECT agreement_id FROM rollup_todo WHERE goals ORDER BY agreement_id COLLATE "C"
