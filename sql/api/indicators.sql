-- indicators.sql - lis_api.indicators: how each indicator is measured.
-- Part of the published interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.indicators AS
SELECT indicator_id, name, unit, direction, aggregation, numerator, denominator, frequency,
       decimals, batch_id
  FROM lis.indicator;

COMMENT ON VIEW lis_api.indicators IS
    'Indicators: unit, direction, aggregation and frequency. | Dansk: Indikatorer: enhed, retning, aggregering og frekvens.';
COMMENT ON COLUMN lis_api.indicators.indicator_id IS 'Indicator id. | Dansk: Indikatorens id.';
COMMENT ON COLUMN lis_api.indicators.name IS 'Name of the indicator. | Dansk: Indikatorens navn.';
COMMENT ON COLUMN lis_api.indicators.unit IS 'Unit of the values, e.g. pct; empty when none. | Dansk: Værdiernes enhed, f.eks. pct; tom når ingen.';
COMMENT ON COLUMN lis_api.indicators.direction IS 'op (higher is better), ned (lower is better) or interval. | Dansk: op (højere er bedre), ned (lavere er bedre) eller interval.';
COMMENT ON COLUMN lis_api.indicators.aggregation IS 'How values add up over units and months: sum, mean, last, min, max or ratio. | Dansk: Hvordan værdier lægges sammen over enheder og måneder: sum, mean, last, min, max eller ratio.';
COMMENT ON COLUMN lis_api.indicators.numerator IS 'For a ratio: the indicator of the numerator. | Dansk: For et forholdstal: tællerens indikator.';
COMMENT ON COLUMN lis_api.indicators.denominator IS 'For a ratio: the indicator of the denominator. | Dansk: For et forholdstal: nævnerens indikator.';
COMMENT ON COLUMN lis_api.indicators.frequency IS 'maaned, kvartal or aar: how often values arrive. | Dansk: maaned, kvartal eller aar: hvor ofte værdier kommer.';
COMMENT ON COLUMN lis_api.indicators.decimals IS 'Decimals shown in reports. | Dansk: Antal decimaler i rapporterne.';
COMMENT ON COLUMN lis_api.indicators.batch_id IS 'The import batch the row came from. | Dansk: Den importkørsel rækken kom fra.';
