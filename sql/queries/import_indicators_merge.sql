-- import_indicators_merge.sql - upserts the staged indicators. $1: batch_id.
INSERT INTO indicator (indicator_id, name, unit, direction, aggregation, numerator,
                       denominator, frequency, decimals, batch_id)
SELECT indicator_id, name, unit, direction, aggregation, numerator, denominator, frequency,
       decimals, $1::bigint
FROM import_stage
ON CONFLICT (indicator_id) DO UPDATE
SET name = EXCLUDED.name, unit = EXCLUDED.unit, direction = EXCLUDED.direction,
    aggregation = EXCLUDED.aggregation, numerator = EXCLUDED.numerator,
    denominator = EXCLUDED.denominator, frequency = EXCLUDED.frequency,
    decimals = EXCLUDED.decimals, batch_id = EXCLUDED.batch_id
