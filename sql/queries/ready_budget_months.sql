-- ready_budget_months.sql - every month of a window with the number of
-- budget lines booked on it (monthly lines; a yearly line is the plan, not
-- the month's postings), for "lis ready". One pass over the year's lines.
--
-- $1 integer  the year
-- $2 integer  the window's first month
-- $3 integer  the window's last month
-- Result, one row per month in order: period (yyyy-mm), lines.
SELECT $1::int || '-' || lpad(mm::text, 2, '0'), coalesce(n.lines, 0)
FROM generate_series($2::int, $3::int) mm
LEFT JOIN (SELECT b.month, count(*) AS lines
             FROM lis.budget_line b
            WHERE b.year = $1::int AND b.month BETWEEN $2::int AND $3::int
            GROUP BY b.month) n ON n.month = mm
ORDER BY mm;
