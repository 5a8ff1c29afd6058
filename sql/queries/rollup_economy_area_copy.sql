-- rollup_economy_area_copy.sql - the rows of rollup_economy_area.sql, which
-- the rollup's second connection made, into the table, in text format: a
-- few thousand rows.
COPY rollup_economy_area FROM STDIN
