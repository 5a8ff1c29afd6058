-- measurements.sql - lis_api.measurements: the imported indicator values.
-- Part of the published interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.measurements AS
SELECT indicator_id, unit_id, period, year, first_month, last_month, value, batch_id
  FROM lis.measurement;

COMMENT ON VIEW lis_api.measurements IS
    'Indicator values per unit and period, as imported (the newest value of each). | Dansk: Indikatorværdier pr. enhed og periode som importeret (den nyeste værdi).';
COMMENT ON COLUMN lis_api.measurements.indicator_id IS 'The indicator. | Dansk: Indikatoren.';
COMMENT ON COLUMN lis_api.measurements.unit_id IS 'The unit measured. | Dansk: Den målte enhed.';
COMMENT ON COLUMN lis_api.measurements.period IS 'The period: 2026-03 (month), 2026-Q1 (quarter) or 2026 (year). | Dansk: Perioden: 2026-03 (måned), 2026-Q1 (kvartal) eller 2026 (år).';
COMMENT ON COLUMN lis_api.measurements.year IS 'Year of the period. | Dansk: Periodens år.';
COMMENT ON COLUMN lis_api.measurements.first_month IS 'First month of the period (1-12). | Dansk: Periodens første måned (1-12).';
COMMENT ON COLUMN lis_api.measurements.last_month IS 'Last month of the period (1-12). | Dansk: Periodens sidste måned (1-12).';
COMMENT ON COLUMN lis_api.measurements.value IS 'The value. | Dansk: Værdien.';
COMMENT ON COLUMN lis_api.measurements.batch_id IS 'The import batch the value came from. | Dansk: Den importkørsel værdien kom fra.';
