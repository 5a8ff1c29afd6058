-- ready_budget_cost_centres.sql - per agreement of the year, the cost
-- centres of its units (holder and descendants) that have budget lines in
-- the year but no monthly line in the window, for "lis ready". Only when
-- the window has budget lines at all: a month with none is reported as a
-- month (ready_budget_months.sql), not as every cost centre.
--
-- $1 integer  the year
-- $2 integer  the window's first month
-- $3 integer  the window's last month
-- Result sorted by agreement_id, cost_centre (byte order): agreement_id,
-- cost_centre.
WITH au AS (SELECT * FROM lis.agreement_units($1::int)),
year_cc AS (SELECT DISTINCT cost_centre FROM lis.budget_line WHERE year = $1::int),
window_cc AS (
    SELECT DISTINCT cost_centre FROM lis.budget_line
     WHERE year = $1::int AND month BETWEEN $2::int AND $3::int
)
SELECT au.agreement_id, c.cost_centre
  FROM au
  JOIN lis.cost_centre c ON c.unit_id = au.unit_id
  JOIN year_cc y ON y.cost_centre = c.cost_centre
 WHERE EXISTS (SELECT 1 FROM window_cc)
   AND NOT EXISTS (SELECT 1 FROM window_cc w WHERE w.cost_centre = c.cost_centre)
 ORDER BY au.agreement_id COLLATE "C", c.cost_centre COLLATE "C";
