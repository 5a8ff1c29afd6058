-- import_statuses_stage.sql - the staging table of a statuses file.
CREATE TEMP TABLE import_stage (
    line_no     integer NOT NULL,
    goal_id     text NOT NULL,
    period      text NOT NULL,
    year        integer NOT NULL,
    first_month smallint NOT NULL,
    last_month  smallint NOT NULL,
    status      text,
    comment     text,
    author      text
) ON COMMIT DROP
