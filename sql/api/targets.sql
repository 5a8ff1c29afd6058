-- targets.sql - lis_api.targets: the yearly target of each goal and
-- indicator. Part of the published interface lis_api; columns only ever
-- append.
CREATE OR REPLACE VIEW lis_api.targets AS
SELECT goal_id, indicator_id, year, baseline, target, low, high, method, profile, q1, q2, q3,
       q4, weight, yellow, batch_id
  FROM lis.target;

COMMENT ON VIEW lis_api.targets IS
    'Targets: one row per goal, indicator and year. | Dansk: Målværdier: én række pr. mål, indikator og år.';
COMMENT ON COLUMN lis_api.targets.goal_id IS 'The goal (lis_api.goals). | Dansk: Målet (lis_api.goals).';
COMMENT ON COLUMN lis_api.targets.indicator_id IS 'The indicator (lis_api.indicators). | Dansk: Indikatoren (lis_api.indicators).';
COMMENT ON COLUMN lis_api.targets.year IS 'The year the target is for. | Dansk: Det år målværdien gælder.';
COMMENT ON COLUMN lis_api.targets.baseline IS 'Baseline (starting value). | Dansk: Basisværdi (udgangspunkt).';
COMMENT ON COLUMN lis_api.targets.target IS 'Target for the year. | Dansk: Målværdi for året.';
COMMENT ON COLUMN lis_api.targets.low IS 'Lower bound for direction interval. | Dansk: Nedre grænse ved retning interval.';
COMMENT ON COLUMN lis_api.targets.high IS 'Upper bound for direction interval. | Dansk: Øvre grænse ved retning interval.';
COMMENT ON COLUMN lis_api.targets.method IS 'ratio or progress; empty: the default (progress with a baseline, else ratio). | Dansk: ratio eller progress; tom: standard (progress med basisværdi, ellers ratio).';
COMMENT ON COLUMN lis_api.targets.profile IS 'flat, linear or custom: how the target spreads over the year. | Dansk: flat, linear eller custom: hvordan målværdien fordeles over året.';
COMMENT ON COLUMN lis_api.targets.q1 IS 'Custom profile: target of quarter 1. | Dansk: Tilpasset profil: målværdi for 1. kvartal.';
COMMENT ON COLUMN lis_api.targets.q2 IS 'Custom profile: target of quarter 2. | Dansk: Tilpasset profil: målværdi for 2. kvartal.';
COMMENT ON COLUMN lis_api.targets.q3 IS 'Custom profile: target of quarter 3. | Dansk: Tilpasset profil: målværdi for 3. kvartal.';
COMMENT ON COLUMN lis_api.targets.q4 IS 'Custom profile: target of quarter 4. | Dansk: Tilpasset profil: målværdi for 4. kvartal.';
COMMENT ON COLUMN lis_api.targets.weight IS 'Weight of the indicator in the goal attainment. | Dansk: Indikatorens vægt i målets målopfyldelse.';
COMMENT ON COLUMN lis_api.targets.yellow IS 'Yellow threshold in percent; empty: the configured default (90). | Dansk: Grænse for gul i procent; tom: den konfigurerede standard (90).';
COMMENT ON COLUMN lis_api.targets.batch_id IS 'The import batch the row came from. | Dansk: Den importkørsel rækken kom fra.';
