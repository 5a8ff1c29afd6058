-- rollup_spread_stage.sql - the temporary table of the year's spread budget
-- lines (rollup_spread.sql) that the economy queries of a rollup read,
-- dropped at commit.
CREATE TEMP TABLE rollup_spread (
    cost_centre text NOT NULL,
    function text NOT NULL,
    month smallint NOT NULL,
    b12 numeric,
    a12 numeric
) ON COMMIT DROP
