-- 008_budget_line_statistics.sql - no planner statistics for the amounts
-- and line numbers of budget_line.
--
-- A rollup ANALYZEs budget_line after every budget import (the plans of a
-- fresh import's table without statistics are very bad), and the sorting of
-- the sampled values of these four columns was half of that ANALYZE (0.12
-- to 0.06 s at the demo's size, 0.21 to 0.14 s at ten times it). No query
-- filters, joins or groups by them: they are summed and copied, so the
-- planner has no use for their statistics.

SET LOCAL search_path = lis;

ALTER TABLE budget_line ALTER COLUMN budget SET STATISTICS 0,
                        ALTER COLUMN actual SET STATISTICS 0,
                        ALTER COLUMN original_budget SET STATISTICS 0,
                        ALTER COLUMN line_no SET STATISTICS 0;
