-- economy.sql - lis_api.economy: budget and actuals per agreement and window
-- (SPEC section 3, Economy). "lis show economy" reads this view: its first
-- ten columns are the csv's, with the same values. Part of the published
-- interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.economy AS
SELECT agreement_id, window_name AS period, trim_scale(annual_budget) AS annual_budget,
       trim_scale(budget) AS budget, trim_scale(actual) AS actual,
       trim_scale(consumption_pct) AS consumption_pct,
       trim_scale(expected_pct) AS expected_pct, trim_scale(deviation) AS deviation,
       trim_scale(forecast) AS forecast, status, year,
       CASE window_kind WHEN 'M' THEN 'month' WHEN 'Q' THEN 'quarter' WHEN 'T' THEN 'ytd'
                        ELSE 'year' END AS window_kind,
       first_month, last_month, trim_scale(budget_ytd) AS budget_ytd,
       trim_scale(actual_ytd) AS actual_ytd
  FROM lis.rollup_economy;

COMMENT ON VIEW lis_api.economy IS
    'Economy per agreement and window over the cost centres of the agreement''s units, as "lis show economy" gives it. | Dansk: Økonomi pr. aftale og periode over omkostningsstederne i aftalens enheder som "lis show economy" viser den.';
COMMENT ON COLUMN lis_api.economy.agreement_id IS 'The agreement. | Dansk: Aftalen.';
COMMENT ON COLUMN lis_api.economy.period IS 'The window (2026-03, 2026-Q1, 2026, 2026-YTD-03). | Dansk: Perioden (2026-03, 2026-Q1, 2026, 2026-YTD-03).';
COMMENT ON COLUMN lis_api.economy.annual_budget IS 'Annual budget (corrected budget, yearly rows spread 1/12 a month). | Dansk: Årsbudget (korrigeret budget; årsrækker fordelt med 1/12 pr. måned).';
COMMENT ON COLUMN lis_api.economy.budget IS 'Budget of the window. | Dansk: Periodens budget.';
COMMENT ON COLUMN lis_api.economy.actual IS 'Actuals (spending) of the window. | Dansk: Periodens forbrug.';
COMMENT ON COLUMN lis_api.economy.consumption_pct IS 'Actuals year to date as a percentage of the annual budget; empty when the annual budget is 0. | Dansk: Forbrug år til dato i procent af årsbudgettet; tom når årsbudgettet er 0.';
COMMENT ON COLUMN lis_api.economy.expected_pct IS 'Budget year to date as a percentage of the annual budget. | Dansk: Budget år til dato i procent af årsbudgettet (forventet forbrug).';
COMMENT ON COLUMN lis_api.economy.deviation IS 'Actuals minus budget, year to date. | Dansk: Afvigelse: forbrug minus budget år til dato.';
COMMENT ON COLUMN lis_api.economy.forecast IS 'Forecast for the year (forventet regnskab). | Dansk: Forventet regnskab for året.';
COMMENT ON COLUMN lis_api.economy.status IS 'green, yellow, red, or grey (no budget lines). | Dansk: Status: green (grøn), yellow (gul), red (rød) eller grey (grå: ingen budgetlinjer).';
COMMENT ON COLUMN lis_api.economy.year IS 'The budget year. | Dansk: Budgetåret.';
COMMENT ON COLUMN lis_api.economy.window_kind IS 'month, quarter, ytd (year to date) or year. | Dansk: Periodetype: month, quarter, ytd (år til dato) eller year.';
COMMENT ON COLUMN lis_api.economy.first_month IS 'First month of the window (1-12). | Dansk: Periodens første måned (1-12).';
COMMENT ON COLUMN lis_api.economy.last_month IS 'Last month of the window (1-12). | Dansk: Periodens sidste måned (1-12).';
COMMENT ON COLUMN lis_api.economy.budget_ytd IS 'Budget from January to the end of the window. | Dansk: Budget fra januar til periodens slutning.';
COMMENT ON COLUMN lis_api.economy.actual_ytd IS 'Actuals from January to the end of the window. | Dansk: Forbrug fra januar til periodens slutning.';
