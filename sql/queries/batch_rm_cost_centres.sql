-- batch_rm_cost_centres.sql - the rows of cost_centre whose current version came from batch $1.
DELETE FROM cost_centre WHERE batch_id = $1::bigint
