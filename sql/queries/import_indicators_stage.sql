-- import_indicators_stage.sql - the staging table of an indicators file.
CREATE TEMP TABLE import_stage (
    line_no      integer NOT NULL,
    indicator_id text NOT NULL,
    name         text,
    unit         text,
    direction    text,
    aggregation  text,
    numerator    text,
    denominator  text,
    frequency    text,
    decimals     integer
) ON COMMIT DROP
