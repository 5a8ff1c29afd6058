-- import_transfers_merge.sql - upserts the staged transfers. $1: batch_id.
INSERT INTO transfer (transfer_id, date, from_cost_centre, from_function, to_cost_centre,
                      to_function, amount, note, batch_id)
SELECT transfer_id, date, from_cost_centre, from_function, to_cost_centre, to_function, amount,
       note, $1::bigint
FROM import_stage
ON CONFLICT (transfer_id) DO UPDATE
SET date = EXCLUDED.date, from_cost_centre = EXCLUDED.from_cost_centre,
    from_function = EXCLUDED.from_function, to_cost_centre = EXCLUDED.to_cost_centre,
    to_function = EXCLUDED.to_function, amount = EXCLUDED.amount, note = EXCLUDED.note,
    batch_id = EXCLUDED.batch_id
