-- rollup_economy_todo.sql - the agreements whose economy the rollup computes
-- again (rollup_todo.sql), as an array literal for
-- rollup_budget_settings.sql.
--
-- No parameters. Result: one row, one text column.
SELECT coalesce(array_agg(agreement_id ORDER BY agreement_id), '{}')::text
  FROM rollup_todo WHERE economy
