-- runs.sql - lis_api.runs: report runs and rollups. Part of the published
-- interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.runs AS
SELECT run_id, kind, period, parameters::text AS parameters, status, error,
       newest_batch AS newest_batch_id, started_at, finished_at
  FROM lis.run;

COMMENT ON VIEW lis_api.runs IS
    'Runs of lis run and lis rollup, with status and the newest data batch they read. | Dansk: Kørsler af lis run og lis rollup med status og den nyeste dataimport de læste.';
COMMENT ON COLUMN lis_api.runs.run_id IS 'Run id, as stamped in the reports. | Dansk: Kørslens id som angivet i rapporterne.';
COMMENT ON COLUMN lis_api.runs.kind IS 'rollup, monthly, quarterly, status, annual or demo. | Dansk: Kørselstype: rollup, monthly, quarterly, status, annual eller demo.';
COMMENT ON COLUMN lis_api.runs.period IS 'The period or year of the run. | Dansk: Kørslens periode eller år.';
COMMENT ON COLUMN lis_api.runs.parameters IS 'The parameters of the run, as JSON text. | Dansk: Kørslens parametre som JSON-tekst.';
COMMENT ON COLUMN lis_api.runs.status IS 'running, ok or failed. | Dansk: Status: running (kører), ok eller failed (fejlet).';
COMMENT ON COLUMN lis_api.runs.error IS 'The error of a failed run. | Dansk: Fejlen for en fejlet kørsel.';
COMMENT ON COLUMN lis_api.runs.newest_batch_id IS 'The newest import batch the run read. | Dansk: Den nyeste importkørsel kørslen læste.';
COMMENT ON COLUMN lis_api.runs.started_at IS 'When the run started. | Dansk: Hvornår kørslen begyndte.';
COMMENT ON COLUMN lis_api.runs.finished_at IS 'When the run ended; empty while running. | Dansk: Hvornår kørslen sluttede; tom mens den kører.';
