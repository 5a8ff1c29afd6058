-- import_accounts_stage.sql - the staging table of an accounts file.
CREATE TEMP TABLE import_stage (
    line_no       integer NOT NULL,
    function      text NOT NULL,
    name          text,
    policy_area   text,
    service_frame boolean
) ON COMMIT DROP
