-- report_data.sql - the measurements the figures of each reported agreement
-- came from (the Data sheet): the year's measurements up to the report's
-- window of the agreement's indicators (with the numerator and denominator
-- of ratio indicators) on the holder unit and its descendants.
--
-- $1 integer  the budget year
-- $2 text[]   agreement ids, or NULL for every agreement of the year
-- $3 integer  the last month of the report's window (1..12)
--
-- Result sorted by agreement_id, indicator_id, unit_id, period start:
-- agreement_id, indicator_id, unit_id, unit_name, period, value (float8 or
-- NULL), batch_id, file_name, unit of measure.
WITH RECURSIVE sel AS (
    SELECT agreement_id, holder_unit
    FROM lis.agreement
    WHERE year = $1 AND ($2::text[] IS NULL OR agreement_id = ANY ($2::text[]))
), tree AS (
    SELECT sel.agreement_id, u.unit_id, 0 AS depth
    FROM sel JOIN lis.unit u ON u.unit_id = sel.holder_unit
    UNION ALL
    SELECT tree.agreement_id, u.unit_id, tree.depth + 1
    FROM tree JOIN lis.unit u ON u.parent_id = tree.unit_id
    WHERE tree.depth < 64
), gl AS (
    SELECT ga.agreement_id, ga.goal_id
    FROM lis.agreement_goals($1) ga
    -- the ids filter the function's rows (indexes), not a join of all the
    -- year's goals: per agreement, the Data stream's cost stays its own
    WHERE $2::text[] IS NULL OR ga.agreement_id = ANY ($2::text[])
), ind AS (
    SELECT DISTINCT gl.agreement_id, x.indicator_id
    FROM gl
    JOIN lis.target t ON t.goal_id = gl.goal_id AND t.year = $1
    JOIN lis.indicator i ON i.indicator_id = t.indicator_id
    CROSS JOIN LATERAL (VALUES (i.indicator_id), (i.numerator), (i.denominator))
        AS x (indicator_id)
    WHERE x.indicator_id IS NOT NULL
)
SELECT ind.agreement_id, m.indicator_id, m.unit_id, u.name, m.period, m.value::float8,
       m.batch_id, b.file_name, i.unit
FROM ind
JOIN (SELECT DISTINCT agreement_id, unit_id FROM tree) t ON t.agreement_id = ind.agreement_id
JOIN lis.measurement m ON m.indicator_id = ind.indicator_id AND m.unit_id = t.unit_id
                      AND m.year = $1 AND m.last_month <= $3
JOIN lis.unit u ON u.unit_id = m.unit_id
JOIN lis.indicator i ON i.indicator_id = m.indicator_id
JOIN lis.import_batch b ON b.batch_id = m.batch_id
ORDER BY ind.agreement_id COLLATE "C", m.indicator_id COLLATE "C", m.unit_id COLLATE "C",
         m.first_month, m.last_month;
