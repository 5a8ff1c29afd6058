-- rollup_stale_tables.sql - the input tables of the rollup whose planner
-- statistics are missing or older than a tenth of their rows' changes, so
-- that the rollup can ANALYZE them first (a freshly imported table has no
-- statistics until autovacuum comes by, and the plans are then very bad).
--
-- No parameters.
-- Result: relname, one row per stale table.
SELECT relname
  FROM pg_stat_user_tables
 WHERE schemaname = 'lis'
   AND relname IN ('unit', 'cost_centre', 'account', 'agreement', 'goal', 'goal_share',
                   'indicator', 'target', 'measurement', 'budget_line', 'goal_status',
                   'transfer')
   AND (coalesce(last_analyze, last_autoanalyze) IS NULL
        OR n_mod_since_analyze > greatest(50, n_live_tup / 10))
 ORDER BY relname
