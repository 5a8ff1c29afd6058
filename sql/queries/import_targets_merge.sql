-- import_targets_merge.sql - upserts the staged targets. $1: batch_id.
INSERT INTO target (goal_id, indicator_id, year, baseline, target, low, high, method, profile,
                    q1, q2, q3, q4, weight, yellow, batch_id)
SELECT goal_id, indicator_id, year, baseline, target, low, high, method, profile, q1, q2, q3,
       q4, weight, yellow, $1::bigint
FROM import_stage
ON CONFLICT (goal_id, indicator_id, year) DO UPDATE
SET baseline = EXCLUDED.baseline, target = EXCLUDED.target, low = EXCLUDED.low,
    high = EXCLUDED.high, method = EXCLUDED.method, profile = EXCLUDED.profile,
    q1 = EXCLUDED.q1, q2 = EXCLUDED.q2, q3 = EXCLUDED.q3, q4 = EXCLUDED.q4,
    weight = EXCLUDED.weight, yellow = EXCLUDED.yellow, batch_id = EXCLUDED.batch_id
