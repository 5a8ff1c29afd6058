-- import_measurements_stage.sql - the staging table of a measurements file;
-- periods arrive canonical with their year and months.
CREATE TEMP TABLE import_stage (
    line_no      integer NOT NULL,
    indicator_id text NOT NULL,
    unit_id      text NOT NULL,
    period       text NOT NULL,
    year         integer NOT NULL,
    first_month  smallint NOT NULL,
    last_month   smallint NOT NULL,
    value        numeric
) ON COMMIT DROP
