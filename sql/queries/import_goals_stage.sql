-- import_goals_stage.sql - the staging table of a goals file. shared_with holds
-- agreement ids separated by one space.
CREATE TEMP TABLE import_stage (
    line_no       integer NOT NULL,
    goal_id       text NOT NULL,
    agreement_id  text,
    title         text,
    kind          text,
    focus_area    text,
    cross_cutting boolean,
    shared_with   text,
    first_year    integer,
    last_year     integer,
    description   text
) ON COMMIT DROP
