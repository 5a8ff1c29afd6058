-- findings.sql - the framework check of "lis check" (SPEC sections 3 and 6)
-- as lis_api.check_findings(own_goals_min, own_goals_max, cross_cutting_min)
-- and, with the default framework (3-5 own goals, at least 1 cross-cutting),
-- as the view lis_api.findings. "lis check" calls the function with the
-- framework of lis.conf (sql/queries/check_findings.sql), so there is one
-- definition. A goal's findings are reported only under the agreement that
-- owns it. The function reads the lis schema with its owner's rights
-- (SECURITY DEFINER) so that lis_reporter, who may read only lis_api, can
-- call it; it only reads. Part of the published interface lis_api; columns
-- only ever append.
CREATE OR REPLACE FUNCTION lis_api.check_findings(own_goals_min integer,
                                                  own_goals_max integer,
                                                  cross_cutting_min integer)
RETURNS TABLE (agreement_id text, goal_id text, finding text, message text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lis, pg_temp
AS $body$
WITH
win AS (
    SELECT m AS wf, m AS wl FROM generate_series(1, 12) m
    UNION ALL SELECT 3 * q - 2, 3 * q FROM generate_series(1, 4) q
    UNION ALL SELECT 1, m FROM generate_series(1, 12) m
),
own AS (
    SELECT a.agreement_id,
           count(g.goal_id) FILTER (WHERE g.kind = 'eget') AS n_own,
           count(g.goal_id) FILTER (WHERE g.kind = 'eget' AND g.cross_cutting) AS n_cross
      FROM agreement a LEFT JOIN goal g USING (agreement_id)
     GROUP BY 1
),
tcount AS (
    SELECT g.goal_id, g.agreement_id, a.year, g.first_year, g.last_year,
           count(t.goal_id) AS n_all,
           count(t.goal_id) FILTER (WHERE t.year = a.year) AS n_year,
           EXISTS (SELECT 1 FROM goal_status s WHERE s.goal_id = g.goal_id) AS has_status
      FROM goal g JOIN agreement a USING (agreement_id)
      LEFT JOIN target t ON t.goal_id = g.goal_id
     GROUP BY 1, 2, 3, 4, 5
),
missing_years AS (
    SELECT tc.agreement_id, tc.goal_id, string_agg(y::text, ', ' ORDER BY y) AS years
      FROM tcount tc CROSS JOIN LATERAL generate_series(tc.first_year, tc.last_year) y
     WHERE tc.first_year < tc.last_year AND tc.n_all > 0
       AND NOT EXISTS (SELECT 1 FROM target t WHERE t.goal_id = tc.goal_id AND t.year = y)
     GROUP BY 1, 2
),
-- Every target row with its indicator, in every window of its year, for
-- zero_target_ratio: the ratio method applies (explicitly, by default, or as
-- the fallback of progress) to direction op, and the window target is 0.
tr AS (
    SELECT g.agreement_id, t.goal_id, t.indicator_id, t.year, t.baseline, t.target,
           t.method, t.profile, t.q1, t.q2, t.q3, t.q4, i.direction, i.aggregation,
           i.frequency,
           CASE WHEN t.profile = 'linear' AND t.baseline IS NULL THEN 'flat'
                WHEN t.profile = 'custom' AND (t.q1 IS NULL OR t.q2 IS NULL OR t.q3 IS NULL
                                               OR t.q4 IS NULL) THEN 'flat'
                ELSE t.profile END AS eprofile
      FROM target t JOIN goal g USING (goal_id) JOIN indicator i USING (indicator_id)
),
trw AS (
    SELECT tr.*, c.cf, c.cl, c.cl - c.cf + 1 AS m, c.cl AS e
      FROM tr CROSS JOIN win w
     CROSS JOIN LATERAL (
        SELECT CASE tr.frequency WHEN 'maaned' THEN w.wf
                                 WHEN 'kvartal' THEN ((w.wf + 1) / 3) * 3 + 1
                                 ELSE CASE WHEN w.wf = 1 THEN 1 ELSE 13 END END AS cf,
               CASE tr.frequency WHEN 'maaned' THEN w.wl
                                 WHEN 'kvartal' THEN (w.wl / 3) * 3
                                 ELSE CASE WHEN w.wl = 12 THEN 12 ELSE 0 END END AS cl) c
     WHERE tr.direction = 'op' AND c.cl >= c.cf
),
trt AS (
    SELECT trw.*,
           CASE WHEN aggregation = 'sum' THEN
                    CASE WHEN eprofile = 'custom' THEN
                        (q1 * greatest(0, least(e, 3) - greatest(e - m + 1, 1) + 1)
                         + q2 * greatest(0, least(e, 6) - greatest(e - m + 1, 4) + 1)
                         + q3 * greatest(0, least(e, 9) - greatest(e - m + 1, 7) + 1)
                         + q4 * greatest(0, least(e, 12) - greatest(e - m + 1, 10) + 1)) / 3
                    ELSE target * m / 12 END
                WHEN eprofile = 'linear' THEN baseline + (target - baseline) * e / 12
                WHEN eprofile = 'custom' THEN (ARRAY[q1, q2, q3, q4])[(e + 2) / 3]
                ELSE target END AS tw,
           CASE WHEN aggregation = 'sum' THEN baseline * m / 12 ELSE baseline END AS yw,
           coalesce(method, CASE WHEN baseline IS NOT NULL AND target IS NOT NULL
                                      AND target <> baseline THEN 'progress'
                                 ELSE 'ratio' END) AS meth
      FROM trw
),
zero AS (
    SELECT DISTINCT agreement_id, goal_id, indicator_id, year FROM trt
     WHERE tw = 0 AND (meth = 'ratio' OR yw IS NULL OR tw = yw)
),
f AS (
    SELECT o.agreement_id, '' AS goal_id, 'own_goals_count' AS finding,
           format('Aftalen har %s egne mål, men rammen kræver %s-%s.', o.n_own, $1::int, $2::int)
               AS message
      FROM own o WHERE o.n_own < $1::int OR o.n_own > $2::int
    UNION ALL
    SELECT o.agreement_id, '', 'cross_cutting_missing',
           format('Aftalen har %s tværfaglige egne mål, men rammen kræver mindst %s.', o.n_cross,
                  $3::int)
      FROM own o WHERE o.n_cross < $3::int
    UNION ALL
    SELECT agreement_id, goal_id, 'not_measurable',
           'Målet har hverken indikatorer med mål_værdi eller en kvalitativ status.'
      FROM tcount WHERE n_all = 0 AND NOT has_status
    UNION ALL
    SELECT agreement_id, goal_id, 'target_missing',
           format('Målet har ingen mål_værdi for aftalens år %s.', year)
      FROM tcount WHERE n_all > 0 AND n_year = 0
    UNION ALL
    SELECT agreement_id, goal_id, 'subtarget_missing',
           format('Det flerårige mål mangler delmål for: %s.', years)
      FROM missing_years
    UNION ALL
    SELECT agreement_id, goal_id, 'linear_without_baseline',
           format('Indikator %s (%s) har lineær profil uden basisværdi og behandles som flad.',
                  indicator_id, year)
      FROM tr WHERE profile = 'linear' AND baseline IS NULL
    UNION ALL
    SELECT agreement_id, goal_id, 'custom_incomplete',
           format('Indikator %s (%s) har tilpasset profil uden alle kvartalsmål q1-q4 og '
                  'behandles som flad.', indicator_id, year)
      FROM tr WHERE profile = 'custom' AND eprofile = 'flat'
    UNION ALL
    SELECT agreement_id, goal_id, 'zero_target_ratio',
           format('Indikator %s (%s) har mål_værdi 0 i en periode, så målopfyldelse kan ikke '
                  'beregnes som forholdstal.', indicator_id, year)
      FROM zero
    UNION ALL
    SELECT a.agreement_id, '', 'holder_unknown',
           format('Aftaleholderen %s findes ikke blandt enhederne.', a.holder_unit)
      FROM agreement a WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.unit_id = a.holder_unit)
    UNION ALL
    SELECT a.agreement_id, '', 'grantor_unknown',
           format('Aftalegiveren %s findes ikke blandt enhederne.', a.grantor_unit)
      FROM agreement a WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.unit_id = a.grantor_unit)
    UNION ALL
    SELECT a.agreement_id, '', 'parent_missing',
           CASE WHEN a.parent_agreement IS NULL
                THEN 'Niveau 2-aftalen angiver ingen overordnet aftale.'
                ELSE format('Den overordnede aftale %s findes ikke.', a.parent_agreement) END
      FROM agreement a
     WHERE (a.parent_agreement IS NOT NULL
            OR EXISTS (SELECT 1 FROM unit u WHERE u.unit_id = a.grantor_unit
                                               AND u.kind = 'fagomraade'))
       AND NOT EXISTS (SELECT 1 FROM agreement p WHERE p.agreement_id = a.parent_agreement)
    UNION ALL
    SELECT a.agreement_id, '', 'parent_not_level1',
           format('Den overordnede aftale %s er ikke en niveau 1-aftale (aftalegiver %s er '
                  'ikke direktionen).', p.agreement_id, p.grantor_unit)
      FROM agreement a JOIN agreement p ON p.agreement_id = a.parent_agreement
     WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.unit_id = p.grantor_unit
                                              AND u.kind = 'direktion')
)
SELECT agreement_id, goal_id, finding, message
  FROM f
$body$;

CREATE OR REPLACE VIEW lis_api.findings AS
SELECT agreement_id, goal_id, finding, message
  FROM lis_api.check_findings(3, 5, 1);

COMMENT ON FUNCTION lis_api.check_findings(integer, integer, integer) IS
    'The findings of the framework check (lis check) with the given framework: own_goals_min, own_goals_max, cross_cutting_min. | Dansk: Fundene fra rammekontrollen (lis check) med den givne ramme: mindste og største antal egne mål og mindste antal tværfaglige.';
COMMENT ON VIEW lis_api.findings IS
    'The findings of the framework check (lis check) with the default framework: 3-5 own goals, at least 1 cross-cutting. For another framework call lis_api.check_findings(min, max, cross). | Dansk: Fundene fra rammekontrollen (lis check) med standardrammen: 3-5 egne mål, mindst 1 tværfagligt. For en anden ramme kald lis_api.check_findings(min, max, tværfaglige).';
COMMENT ON COLUMN lis_api.findings.agreement_id IS 'The agreement. | Dansk: Aftalen.';
COMMENT ON COLUMN lis_api.findings.goal_id IS 'The goal; empty for a finding about the agreement. | Dansk: Målet; tom for et fund om aftalen.';
COMMENT ON COLUMN lis_api.findings.finding IS 'The code of the finding (own_goals_count, cross_cutting_missing, not_measurable, target_missing, ...). | Dansk: Fundets kode (own_goals_count, cross_cutting_missing, not_measurable, target_missing, ...).';
COMMENT ON COLUMN lis_api.findings.message IS 'The finding explained in Danish. | Dansk: Fundet forklaret på dansk.';
