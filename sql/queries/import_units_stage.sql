-- import_units_stage.sql - the staging table of a units file (dropped at commit).
CREATE TEMP TABLE import_stage (
    line_no   integer NOT NULL,
    unit_id   text NOT NULL,
    name      text,
    parent_id text,
    kind      text,
    leader    text
) ON COMMIT DROP
