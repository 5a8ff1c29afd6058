-- show_economy.sql - the stored economy rows for "lis show economy".
--
-- $1 integer  the year
-- $2 text     a window name, or NULL for every window of the year
-- $3 text     an agreement id, or NULL for every agreement
-- Result: agreement_id, period, annual_budget, budget, actual,
-- consumption_pct, expected_pct, deviation, forecast (numeric text, trailing
-- zeros trimmed; NULL where empty), status. Order: agreement, then windows in
-- calendar order as in show_attainment.sql.
SELECT agreement_id, window_name AS period, trim_scale(annual_budget)::text,
       trim_scale(budget)::text, trim_scale(actual)::text,
       trim_scale(consumption_pct)::text, trim_scale(expected_pct)::text,
       trim_scale(deviation)::text, trim_scale(forecast)::text, status
  FROM rollup_economy
 WHERE year = $1 AND ($2::text IS NULL OR window_name = $2)
   AND ($3::text IS NULL OR agreement_id = $3)
 ORDER BY agreement_id COLLATE "C", last_month, last_month - first_month,
          CASE window_kind WHEN 'M' THEN 0 WHEN 'Q' THEN 1 WHEN 'T' THEN 2 ELSE 3 END
