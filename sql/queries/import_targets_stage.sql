-- import_targets_stage.sql - the staging table of a targets file.
CREATE TEMP TABLE import_stage (
    line_no      integer NOT NULL,
    goal_id      text NOT NULL,
    indicator_id text NOT NULL,
    year         integer NOT NULL,
    baseline     numeric,
    target       numeric,
    low          numeric,
    high         numeric,
    method       text,
    profile      text,
    q1           numeric,
    q2           numeric,
    q3           numeric,
    q4           numeric,
    weight       numeric,
    yellow       numeric
) ON COMMIT DROP
