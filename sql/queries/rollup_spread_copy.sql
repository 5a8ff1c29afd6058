-- rollup_spread_copy.sql - the rows of rollup_spread.sql into the table of
-- rollup_spread_stage.sql.
COPY rollup_spread (cost_centre, function, month, b12, a12) FROM STDIN (FORMAT binary)
