-- economy_areas.sql - lis_api.economy_areas: the council's economy per policy
-- area, service frame and the unallocated bucket, computed from the budget
-- lines themselves (SPEC section 3). Part of the published interface lis_api;
-- columns only ever append.
CREATE OR REPLACE VIEW lis_api.economy_areas AS
SELECT year, window_name AS period,
       CASE window_kind WHEN 'M' THEN 'month' WHEN 'Q' THEN 'quarter' WHEN 'T' THEN 'ytd'
                        ELSE 'year' END AS window_kind,
       first_month, last_month, level, policy_area, service_frame, unallocated,
       trim_scale(annual_budget) AS annual_budget, trim_scale(budget) AS budget,
       trim_scale(actual) AS actual, trim_scale(budget_ytd) AS budget_ytd,
       trim_scale(actual_ytd) AS actual_ytd, trim_scale(consumption_pct) AS consumption_pct,
       trim_scale(expected_pct) AS expected_pct, trim_scale(deviation) AS deviation,
       trim_scale(forecast) AS forecast
  FROM lis.rollup_economy_area;

COMMENT ON VIEW lis_api.economy_areas IS
    'Economy per window for the whole municipality: per policy area, per service frame (inside/outside), the unallocated bucket and the total. Add these up, not the agreements (a level-1 agreement contains its level-2 agreements). | Dansk: Økonomi pr. periode for hele kommunen: pr. politikområde, pr. serviceramme (inden for/uden for), ikke-fordelt og i alt. Læg disse sammen, ikke aftalerne (en niveau 1-aftale indeholder sine niveau 2-aftaler).';
COMMENT ON COLUMN lis_api.economy_areas.year IS 'The budget year. | Dansk: Budgetåret.';
COMMENT ON COLUMN lis_api.economy_areas.period IS 'The window (2026-03, 2026-Q1, 2026, 2026-YTD-03). | Dansk: Perioden (2026-03, 2026-Q1, 2026, 2026-YTD-03).';
COMMENT ON COLUMN lis_api.economy_areas.window_kind IS 'month, quarter, ytd (year to date) or year. | Dansk: Periodetype: month, quarter, ytd (år til dato) eller year.';
COMMENT ON COLUMN lis_api.economy_areas.first_month IS 'First month of the window (1-12). | Dansk: Periodens første måned (1-12).';
COMMENT ON COLUMN lis_api.economy_areas.last_month IS 'Last month of the window (1-12). | Dansk: Periodens sidste måned (1-12).';
COMMENT ON COLUMN lis_api.economy_areas.level IS 'policy_area (one row per policy area), service_frame (inside and outside), unallocated (cost centres with no known unit) or total. | Dansk: policy_area (én række pr. politikområde), service_frame (inden for og uden for servicerammen), unallocated (ikke-fordelt: omkostningssteder uden kendt enhed) eller total (i alt).';
COMMENT ON COLUMN lis_api.economy_areas.policy_area IS 'The policy area; (ukendt funktion) for functions missing from the accounts. | Dansk: Politikområdet; (ukendt funktion) for funktioner der mangler i kontoplanen.';
COMMENT ON COLUMN lis_api.economy_areas.service_frame IS 'True inside the service frame, false outside, empty for an unknown function. | Dansk: Sand inden for servicerammen, falsk uden for, tom for en ukendt funktion.';
COMMENT ON COLUMN lis_api.economy_areas.unallocated IS 'True on the unallocated row. | Dansk: Sand i rækken for ikke-fordelt.';
COMMENT ON COLUMN lis_api.economy_areas.annual_budget IS 'Annual budget. | Dansk: Årsbudget.';
COMMENT ON COLUMN lis_api.economy_areas.budget IS 'Budget of the window. | Dansk: Periodens budget.';
COMMENT ON COLUMN lis_api.economy_areas.actual IS 'Actuals of the window. | Dansk: Periodens forbrug.';
COMMENT ON COLUMN lis_api.economy_areas.budget_ytd IS 'Budget from January to the end of the window. | Dansk: Budget fra januar til periodens slutning.';
COMMENT ON COLUMN lis_api.economy_areas.actual_ytd IS 'Actuals from January to the end of the window. | Dansk: Forbrug fra januar til periodens slutning.';
COMMENT ON COLUMN lis_api.economy_areas.consumption_pct IS 'Actuals year to date as a percentage of the annual budget. | Dansk: Forbrug år til dato i procent af årsbudgettet.';
COMMENT ON COLUMN lis_api.economy_areas.expected_pct IS 'Budget year to date as a percentage of the annual budget. | Dansk: Budget år til dato i procent af årsbudgettet.';
COMMENT ON COLUMN lis_api.economy_areas.deviation IS 'Actuals minus budget, year to date. | Dansk: Forbrug minus budget år til dato.';
COMMENT ON COLUMN lis_api.economy_areas.forecast IS 'Forecast for the year (forventet regnskab). | Dansk: Forventet regnskab for året.';
