-- rollup_spread_stage.sql - the temporary table of the year's spread budget
-- lines (rollup_spread.sql) that the economy queries of a rollup read,
-- dropped at commit. Its ANALYZE samples 3,000 rows instead of 30,000: the
-- plans need its size and rough spread only, and the full sample took 120 ms
-- at scale 10, more than the economy queries' plans gained by it.
--
-- Two statements: run by simple query (lis_db_exec_file).
CREATE TEMP TABLE rollup_spread (
    cost_centre text NOT NULL,
    function text NOT NULL,
    month smallint NOT NULL,
    b12 numeric,
    a12 numeric
) ON COMMIT DROP;
ALTER TABLE rollup_spread ALTER cost_centre SET STATISTICS 10,
    ALTER function SET STATISTICS 10, ALTER month SET STATISTICS 10,
    ALTER b12 SET STATISTICS 10, ALTER a12 SET STATISTICS 10
