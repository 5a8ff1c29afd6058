-- batch_rm_history.sql - the values batch $1 replaced: put back into
-- measurement or passed on to a later batch by now, so their history rows go.
DELETE FROM measurement_history WHERE replaced_by = $1::bigint
