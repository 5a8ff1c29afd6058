-- attainment.sql - lis_api.attainment: goal attainment per agreement, goal,
-- indicator and window, the stored result of the rollup (SPEC section 3).
-- "lis show attainment" reads this view (sql/queries/show_attainment.sql):
-- its first eight columns are the csv's, with the same values. Part of the
-- published interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.attainment AS
SELECT r.agreement_id, r.goal_id, r.indicator_id, r.window_name AS period,
       trim_scale(r.actual) AS actual, trim_scale(r.target) AS target,
       trim_scale(r.attainment) AS attainment, r.status, r.year,
       CASE r.window_kind WHEN 'M' THEN 'month' WHEN 'Q' THEN 'quarter' WHEN 'T' THEN 'ytd'
                          ELSE 'year' END AS window_kind,
       r.first_month, r.last_month, r.owner_id AS owner_agreement_id, r.weight,
       coalesce(i.decimals, 1) AS decimals, false AS qualitative, NULL::text AS comment
  FROM lis.rollup_indicator r LEFT JOIN lis.indicator i USING (indicator_id)
UNION ALL
SELECT g.agreement_id, g.goal_id, '', g.window_name, NULL, NULL, trim_scale(g.attainment),
       g.status, g.year,
       CASE g.window_kind WHEN 'M' THEN 'month' WHEN 'Q' THEN 'quarter' WHEN 'T' THEN 'ytd'
                          ELSE 'year' END,
       g.first_month, g.last_month, g.owner_id, NULL, 1, g.qualitative, g.comment
  FROM lis.rollup_goal g;

COMMENT ON VIEW lis_api.attainment IS
    'Goal attainment per agreement, goal, indicator and window as "lis show attainment" gives it: one row per goal indicator and window, and one per goal and window with an empty indicator_id and the goal attainment. | Dansk: Målopfyldelse pr. aftale, mål, indikator og periode som "lis show attainment" viser den: én række pr. målindikator og periode og én pr. mål og periode med tom indicator_id og målets samlede målopfyldelse.';
COMMENT ON COLUMN lis_api.attainment.agreement_id IS 'The agreement (a shared goal appears under each agreement it is shared with). | Dansk: Aftalen (et delt mål optræder under hver aftale det er delt med).';
COMMENT ON COLUMN lis_api.attainment.goal_id IS 'The goal. | Dansk: Målet.';
COMMENT ON COLUMN lis_api.attainment.indicator_id IS 'The indicator; empty on the goal row. | Dansk: Indikatoren; tom i målets række.';
COMMENT ON COLUMN lis_api.attainment.period IS 'The window: 2026-03 (month), 2026-Q1 (quarter), 2026 (year), 2026-YTD-03 (January to March). | Dansk: Perioden: 2026-03 (måned), 2026-Q1 (kvartal), 2026 (år), 2026-YTD-03 (januar til marts).';
COMMENT ON COLUMN lis_api.attainment.actual IS 'Actual value of the indicator in the window; empty without data and on the goal row. | Dansk: Indikatorens faktiske værdi i perioden; tom uden data og i målets række.';
COMMENT ON COLUMN lis_api.attainment.target IS 'Target of the window; empty when not due and on the goal row. | Dansk: Periodens målværdi; tom når ikke aktuel og i målets række.';
COMMENT ON COLUMN lis_api.attainment.attainment IS 'Attainment in percent, unrounded (on the goal row: the weighted goal attainment). | Dansk: Målopfyldelse i procent, uafrundet (i målets række: den vægtede målopfyldelse).';
COMMENT ON COLUMN lis_api.attainment.status IS 'green, yellow, red, grey (no data) or not_due. | Dansk: Status: green (grøn), yellow (gul), red (rød), grey (grå, ingen data) eller not_due (ikke aktuel).';
COMMENT ON COLUMN lis_api.attainment.year IS 'The agreement year the window lies in. | Dansk: Det aftaleår perioden ligger i.';
COMMENT ON COLUMN lis_api.attainment.window_kind IS 'month, quarter, ytd (year to date) or year. | Dansk: Periodetype: month (måned), quarter (kvartal), ytd (år til dato) eller year (år).';
COMMENT ON COLUMN lis_api.attainment.first_month IS 'First month of the window (1-12). | Dansk: Periodens første måned (1-12).';
COMMENT ON COLUMN lis_api.attainment.last_month IS 'Last month of the window (1-12). | Dansk: Periodens sidste måned (1-12).';
COMMENT ON COLUMN lis_api.attainment.owner_agreement_id IS 'The agreement that owns the goal (differs from agreement_id for a shared goal). | Dansk: Den aftale der ejer målet (forskellig fra agreement_id for et delt mål).';
COMMENT ON COLUMN lis_api.attainment.weight IS 'Weight of the indicator in the goal attainment; empty on the goal row. | Dansk: Indikatorens vægt i målopfyldelsen; tom i målets række.';
COMMENT ON COLUMN lis_api.attainment.decimals IS 'Decimals reports show for actual and target. | Dansk: Antal decimaler rapporterne viser for faktisk værdi og målværdi.';
COMMENT ON COLUMN lis_api.attainment.qualitative IS 'True on a goal row whose status comes from a qualitative status. | Dansk: Sand i en målrække hvis status kommer fra en kvalitativ status.';
COMMENT ON COLUMN lis_api.attainment.comment IS 'The comment of that qualitative status. | Dansk: Kommentaren til den kvalitative status.';
