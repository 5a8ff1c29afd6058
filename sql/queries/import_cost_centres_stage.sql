-- import_cost_centres_stage.sql - the staging table of a cost-centres file.
CREATE TEMP TABLE import_stage (
    line_no     integer NOT NULL,
    cost_centre text NOT NULL,
    unit_id     text,
    name        text
) ON COMMIT DROP
