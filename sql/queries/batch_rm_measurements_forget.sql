-- batch_rm_measurements_forget.sql - batch $1's own values that later batches
-- replaced: they go with the batch.
DELETE FROM measurement_history WHERE batch_id = $1::bigint
