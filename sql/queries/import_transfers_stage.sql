-- import_transfers_stage.sql - the staging table of a transfers file.
CREATE TEMP TABLE import_stage (
    line_no          integer NOT NULL,
    transfer_id      text NOT NULL,
    date             date NOT NULL,
    from_cost_centre text NOT NULL,
    from_function    text NOT NULL,
    to_cost_centre   text NOT NULL,
    to_function      text NOT NULL,
    amount           numeric NOT NULL,
    note             text
) ON COMMIT DROP
