-- 007_measurement_key.sql - the primary key of measurement begins with the
-- year, and serves the rollup's lookups, which read one year's values of an
-- indicator and a unit; its own index for them (measurement_rollup) goes.
--
-- Every measurement an import adds costs one entry in each index of the
-- table, and those entries were two thirds of the time of inserting 250,000
-- measurements: the primary key 1.0 s, measurement_rollup 0.9 s and
-- measurement_batch 0.35 s, beside 0.5 s for the rows (issue 10). The key
-- names the same rows as before: the year is that of the period, which is
-- in the key already.

SET LOCAL search_path = lis;

ALTER TABLE measurement DROP CONSTRAINT measurement_pkey,
                        ADD PRIMARY KEY (year, indicator_id, unit_id, period);
DROP INDEX measurement_rollup;
