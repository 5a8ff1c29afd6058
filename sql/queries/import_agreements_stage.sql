-- import_agreements_stage.sql - the staging table of an agreements file.
CREATE TEMP TABLE import_stage (
    line_no          integer NOT NULL,
    agreement_id     text NOT NULL,
    year             integer,
    name             text,
    holder_unit      text,
    grantor_unit     text,
    parent_agreement text,
    status           text
) ON COMMIT DROP
