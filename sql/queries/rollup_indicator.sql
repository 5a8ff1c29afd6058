-- rollup_indicator.sql - goal attainment per agreement, goal, indicator and
-- window of one year (SPEC section 3), inserted into rollup_indicator.
--
-- $1 integer  the year
-- $2 numeric  the configured yellow threshold (%), used where a target row
--             has no "gul" of its own
-- Result: none (INSERT), for the agreements of rollup_todo (rollup_todo.sql)
-- whose goals are computed again. The caller has deleted their rows first,
-- in the same transaction.
--
-- How: the measurements each agreement needs are aggregated per agreement
-- and period over U(A) (the temporary table rollup_au of
-- rollup_prepare_units.sql), then per window range (am); every target row of the
-- year meets every window cut to its indicator's frequency (cw).
WITH
win AS (SELECT * FROM year_windows($1::int)),
-- Every window cut to the whole periods of each frequency it contains.
cw AS (
    SELECT f.frequency, w.kind, w.wf, w.wl, w.name, c.cf, c.cl, c.cl >= c.cf AS due
      FROM win w
     CROSS JOIN (VALUES ('maaned'), ('kvartal'), ('aar')) f(frequency)
     CROSS JOIN LATERAL (
        SELECT CASE f.frequency WHEN 'maaned' THEN w.wf
                                WHEN 'kvartal' THEN ((w.wf + 1) / 3) * 3 + 1
                                ELSE CASE WHEN w.wf = 1 THEN 1 ELSE 13 END END AS cf,
               CASE f.frequency WHEN 'maaned' THEN w.wl
                                WHEN 'kvartal' THEN (w.wl / 3) * 3
                                ELSE CASE WHEN w.wl = 12 THEN 12 ELSE 0 END END AS cl) c
),
rng AS (SELECT DISTINCT cf, cl FROM cw WHERE due),
-- The goals rolled up in each agreement: its own and those shared into it;
-- of the agreements computed again (rollup_todo.sql).
ga AS (
    SELECT * FROM agreement_goals($1::int)
     WHERE agreement_id IN (SELECT agreement_id FROM rollup_todo WHERE goals)
),
gi AS (
    SELECT ga.agreement_id, ga.goal_id, ga.owner_id, t.indicator_id, t.baseline, t.target,
           t.low, t.high, t.method, t.weight, t.yellow, t.q1, t.q2, t.q3, t.q4,
           CASE WHEN t.profile = 'linear' AND t.baseline IS NULL THEN 'flat'
                WHEN t.profile = 'custom' AND (t.q1 IS NULL OR t.q2 IS NULL OR t.q3 IS NULL
                                               OR t.q4 IS NULL) THEN 'flat'
                ELSE t.profile END AS profile,
           i.direction, i.aggregation, i.frequency, i.unit AS iunit, i.numerator, i.denominator
      FROM ga
      JOIN target t ON t.goal_id = ga.goal_id AND t.year = $1
      JOIN indicator i ON i.indicator_id = t.indicator_id
),
-- The (agreement, indicator) pairs whose measurements are needed: the
-- indicators of the agreement's target rows, or their numerator and
-- denominator.
need AS (
    SELECT agreement_id, indicator_id FROM gi WHERE aggregation <> 'ratio'
    UNION SELECT agreement_id, numerator FROM gi WHERE aggregation = 'ratio'
    UNION SELECT agreement_id, denominator FROM gi WHERE aggregation = 'ratio'
),
-- Per agreement, indicator and period over U(A): the values with a value
-- (NULL counts nowhere).
mp AS (
    SELECT n.agreement_id, m.indicator_id, m.first_month, m.last_month, count(*) AS n,
           sum(m.value) AS s, min(m.value) AS mn, max(m.value) AS mx
      FROM need n
      JOIN rollup_au au ON au.agreement_id = n.agreement_id
      JOIN measurement m ON m.indicator_id = n.indicator_id AND m.unit_id = au.unit_id
     WHERE m.year = $1 AND m.value IS NOT NULL
     GROUP BY 1, 2, 3, 4
),
-- ... and per window range.
am AS (
    SELECT mp.agreement_id, mp.indicator_id, r.cf, r.cl, sum(mp.n) AS n, sum(mp.s) AS s,
           min(mp.mn) AS mn, max(mp.mx) AS mx
      FROM mp JOIN rng r ON mp.first_month >= r.cf AND mp.last_month <= r.cl
     GROUP BY 1, 2, 3, 4
),
-- For "last": per unit, the value of its latest period with a value in the
-- range; then the sum over units.
ml AS (
    SELECT agreement_id, indicator_id, cf, cl, sum(value) AS lastv
      FROM (SELECT DISTINCT ON (n.agreement_id, m.indicator_id, m.unit_id, r.cf, r.cl)
                   n.agreement_id, m.indicator_id, r.cf, r.cl, m.value
              FROM (SELECT DISTINCT agreement_id, indicator_id FROM gi
                     WHERE aggregation = 'last') n
              JOIN rollup_au au ON au.agreement_id = n.agreement_id
              JOIN measurement m ON m.indicator_id = n.indicator_id AND m.unit_id = au.unit_id
              JOIN rng r ON m.first_month >= r.cf AND m.last_month <= r.cl
             WHERE m.year = $1 AND m.value IS NOT NULL
             ORDER BY n.agreement_id, m.indicator_id, m.unit_id, r.cf, r.cl,
                      m.last_month DESC, m.first_month DESC) x
     GROUP BY 1, 2, 3, 4
),
-- The actual value per agreement, indicator and range, one row each.
av AS (
    SELECT a.agreement_id, a.indicator_id, a.cf, a.cl,
           CASE i.aggregation WHEN 'sum' THEN a.s
                              WHEN 'mean' THEN a.s / a.n
                              WHEN 'min' THEN a.mn
                              WHEN 'max' THEN a.mx END AS actual
      FROM am a JOIN indicator i USING (indicator_id)
     WHERE i.aggregation IN ('sum', 'mean', 'min', 'max')
    UNION ALL
    SELECT agreement_id, indicator_id, cf, cl, lastv FROM ml
    UNION ALL
    -- a ratio needs a numerator and a denominator value and a denominator
    -- sum other than 0
    SELECT g.agreement_id, g.indicator_id, nu.cf, nu.cl,
           nu.s * CASE WHEN g.iunit = 'pct' THEN 100 ELSE 1 END / de.s
      FROM (SELECT DISTINCT agreement_id, indicator_id, numerator, denominator, iunit
              FROM gi WHERE aggregation = 'ratio') g
      JOIN am nu ON nu.agreement_id = g.agreement_id AND nu.indicator_id = g.numerator
      JOIN am de ON de.agreement_id = g.agreement_id AND de.indicator_id = g.denominator
                AND de.cf = nu.cf AND de.cl = nu.cl
     WHERE nu.n > 0 AND de.n > 0 AND de.s <> 0
),
r1 AS (
    SELECT gi.*, cw.kind, cw.wf, cw.wl, cw.name, cw.due, cw.cl - cw.cf + 1 AS m, cw.cl AS e,
           CASE WHEN cw.due THEN a.actual END AS actual
      FROM gi
      JOIN cw ON cw.frequency = gi.frequency
      LEFT JOIN av a ON a.agreement_id = gi.agreement_id AND a.indicator_id = gi.indicator_id
                    AND a.cf = cw.cf AND a.cl = cw.cl
),
-- The window's target (tw), baseline (yw) and interval bounds; sum
-- indicators prorate by months.
r2 AS (
    SELECT r1.*,
           CASE WHEN NOT due THEN NULL
                WHEN aggregation = 'sum' THEN
                    CASE WHEN profile = 'custom' THEN
                        (q1 * greatest(0, least(e, 3) - greatest(e - m + 1, 1) + 1)
                         + q2 * greatest(0, least(e, 6) - greatest(e - m + 1, 4) + 1)
                         + q3 * greatest(0, least(e, 9) - greatest(e - m + 1, 7) + 1)
                         + q4 * greatest(0, least(e, 12) - greatest(e - m + 1, 10) + 1)) / 3
                    ELSE target * m / 12 END
                WHEN profile = 'linear' THEN baseline + (target - baseline) * e / 12
                WHEN profile = 'custom' THEN (ARRAY[q1, q2, q3, q4])[(e + 2) / 3]
                ELSE target END AS tw,
           CASE WHEN aggregation = 'sum' THEN baseline * m / 12 ELSE baseline END AS yw,
           CASE WHEN aggregation = 'sum' THEN low * m / 12 ELSE low END AS lo,
           CASE WHEN aggregation = 'sum' THEN high * m / 12 ELSE high END AS hi,
           coalesce(method, CASE WHEN baseline IS NOT NULL AND target IS NOT NULL
                                      AND target <> baseline THEN 'progress'
                                 ELSE 'ratio' END) AS meth
      FROM r1
),
r3 AS (
    SELECT r2.*,
           CASE WHEN actual IS NULL THEN NULL
                WHEN direction = 'interval' THEN
                    CASE WHEN lo IS NOT NULL AND actual < lo THEN
                             CASE WHEN lo <> 0 THEN actual * 100 / lo END
                         WHEN hi IS NOT NULL AND actual > hi THEN
                             CASE WHEN actual <> 0 THEN hi * 100 / actual END
                         ELSE 100 END
                WHEN tw IS NULL THEN NULL
                WHEN meth = 'progress' AND yw IS NOT NULL AND tw <> yw THEN
                    (actual - yw) * 100 / (tw - yw)
                WHEN direction = 'op' THEN CASE WHEN tw <> 0 THEN actual * 100 / tw END
                WHEN actual = 0 THEN 200
                ELSE tw * 100 / actual END AS att
      FROM r2
)
INSERT INTO rollup_indicator (year, agreement_id, goal_id, indicator_id, window_name,
                              window_kind, first_month, last_month, actual, target,
                              attainment, status, weight, owner_id)
SELECT $1, agreement_id, goal_id, indicator_id, name, kind, wf, wl, actual, tw, att,
       CASE WHEN NOT due THEN 'not_due'
            WHEN att IS NULL THEN 'grey'
            WHEN round(att, 6) >= 100 THEN 'green'
            WHEN round(att, 6) >= coalesce(yellow, $2::numeric) THEN 'yellow'
            ELSE 'red' END,
       weight, owner_id
  FROM r3
