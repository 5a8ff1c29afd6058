-- ready_measurements.sql - the indicator data a window still lacks, for
-- "lis ready" and the runs: for every agreement of the year and every
-- indicator with a target row of the year of its goals (own goals and goals
-- shared into it, as the rollup counts them), each period of the indicator's
-- frequency that lies wholly inside the window (a month for maaned, a whole
-- quarter for kvartal, the year for aar) in which no unit of U(A) (the holder
-- and its descendants) has a measurement. A measurement row counts even
-- without a value (an empty or ".." cell: the source delivered it). A ratio
-- indicator needs its numerator and its denominator, each its own row.
--
-- $1 integer  the year
-- $2 integer  the window's first month
-- $3 integer  the window's last month
-- Result sorted by agreement_id, goal_id, indicator_id (byte order), period
-- start, part: agreement_id, goal_id, indicator_id, period, missing
-- ('measurement', or for a ratio 'numerator' / 'denominator').
WITH au AS (SELECT * FROM lis.agreement_units($1::int)),
ga AS (SELECT * FROM lis.agreement_goals($1::int)),
gi AS (
    SELECT ga.agreement_id, ga.goal_id, t.indicator_id, i.frequency, i.aggregation,
           i.numerator, i.denominator
      FROM ga
      JOIN lis.target t ON t.goal_id = ga.goal_id AND t.year = $1::int
      JOIN lis.indicator i ON i.indicator_id = t.indicator_id
),
per AS (
    SELECT 'maaned' AS frequency, m AS pf, m AS pl, $1::int || '-' || lpad(m::text, 2, '0')
           AS period
      FROM generate_series($2::int, $3::int) m
    UNION ALL
    SELECT 'kvartal', 3 * q - 2, 3 * q, $1::int || '-Q' || q
      FROM generate_series(1, 4) q
     WHERE 3 * q - 2 >= $2::int AND 3 * q <= $3::int
    UNION ALL
    SELECT 'aar', 1, 12, $1::int::text WHERE $2::int = 1 AND $3::int = 12
),
need AS (
    SELECT agreement_id, goal_id, indicator_id, frequency, indicator_id AS src,
           'measurement' AS part
      FROM gi WHERE aggregation <> 'ratio'
    UNION ALL
    SELECT agreement_id, goal_id, indicator_id, frequency, numerator, 'numerator'
      FROM gi WHERE aggregation = 'ratio'
    UNION ALL
    SELECT agreement_id, goal_id, indicator_id, frequency, denominator, 'denominator'
      FROM gi WHERE aggregation = 'ratio'
),
-- Per unit and indicator, the months in which its measurements of the year
-- end (bit m set for month m) and their length in months minus one: the
-- measurements of an indicator all have its frequency, whose periods are
-- aligned (months, calendar quarters, the year), so one lies in period
-- [pf, pl] when it ends there and is no longer than it. Then per agreement
-- over U(A): a few thousand rows, however many measurements there are.
um AS (
    SELECT unit_id, indicator_id, bit_or(1 << last_month) AS ends,
           max(last_month - first_month) AS span
      FROM lis.measurement
     WHERE year = $1::int
     GROUP BY 1, 2
),
am AS (
    SELECT au.agreement_id, um.indicator_id, bit_or(um.ends) AS ends, max(um.span) AS span
      FROM um JOIN au ON au.unit_id = um.unit_id
     GROUP BY 1, 2
)
SELECT n.agreement_id, n.goal_id, n.indicator_id, p.period, n.part
  FROM need n
  JOIN per p ON p.frequency = n.frequency
  LEFT JOIN am ON am.agreement_id = n.agreement_id AND am.indicator_id = n.src
 WHERE NOT coalesce(am.span <= p.pl - p.pf
                    AND am.ends & ((1 << (p.pl + 1)) - (1 << p.pf)) <> 0, false)
 ORDER BY n.agreement_id COLLATE "C", n.goal_id COLLATE "C", n.indicator_id COLLATE "C",
          p.pf, p.pl, n.part DESC;
