-- 012_sample_statistics.sql - planner statistics of measurement and
-- budget_line from a sample of 3,000 rows instead of 30,000.
--
-- After the imports of a month the rollup first ANALYZEs them (their
-- statistics are stale): 0.3 s of a 3.8 s rollup at scale 10, where the two
-- ANALYZEs, on two connections side by side, took 180-285 ms (measurement)
-- and 217-512 ms (budget_line) against 26-35 ms each with a statistics
-- target of 10; at scale 1, 46-107 ms against about 7 ms (issue 10; the
-- machine had one core busy with a benchmark then, for both targets).
-- ANALYZE samples 300 rows per unit of the largest target of a table's
-- columns. The plans did not change: every statement of a full
-- rollup and of lis show economy (scale 1, 10 and 100), lis show
-- attainment (1 and 10) and a measurement and a budget import (10) that
-- reads these tables had the same plan shape from either sample
-- (auto_explain), and the csv was byte for byte the same. The columns whose
-- statistics were dropped (008) stay at 0.

SET LOCAL search_path = lis;

ALTER TABLE measurement ALTER COLUMN indicator_id SET STATISTICS 10,
                        ALTER COLUMN unit_id SET STATISTICS 10,
                        ALTER COLUMN period SET STATISTICS 10,
                        ALTER COLUMN year SET STATISTICS 10,
                        ALTER COLUMN first_month SET STATISTICS 10,
                        ALTER COLUMN last_month SET STATISTICS 10,
                        ALTER COLUMN value SET STATISTICS 10,
                        ALTER COLUMN batch_id SET STATISTICS 10;

ALTER TABLE budget_line ALTER COLUMN batch_id SET STATISTICS 10,
                        ALTER COLUMN year SET STATISTICS 10,
                        ALTER COLUMN month SET STATISTICS 10,
                        ALTER COLUMN cost_centre SET STATISTICS 10,
                        ALTER COLUMN function SET STATISTICS 10,
                        ALTER COLUMN account SET STATISTICS 10;
