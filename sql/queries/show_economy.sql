-- show_economy.sql - the stored economy rows for "lis show economy", read
-- from the interface view lis_api.economy (sql/api/economy.sql).
--
-- $1 integer  the year
-- $2 text     a window name, or NULL for every window of the year
-- $3 text     an agreement id, or NULL for every agreement
-- Result: agreement_id, period, annual_budget, budget, actual,
-- consumption_pct, expected_pct, deviation, forecast (numeric text, trailing
-- zeros trimmed; NULL where empty), status. Order: agreement, then windows in
-- calendar order as in show_attainment.sql.
SELECT agreement_id, period, annual_budget::text, budget::text, actual::text,
       consumption_pct::text, expected_pct::text, deviation::text, forecast::text, status
  FROM lis_api.economy
 WHERE year = $1 AND ($2::text IS NULL OR period = $2)
   AND ($3::text IS NULL OR agreement_id = $3)
 ORDER BY agreement_id COLLATE "C", last_month, last_month - first_month,
          CASE window_kind WHEN 'month' THEN 0 WHEN 'quarter' THEN 1 WHEN 'ytd' THEN 2
                           ELSE 3 END
