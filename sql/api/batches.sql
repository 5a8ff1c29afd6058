-- batches.sql - lis_api.batches: the imported files. Part of the published
-- interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.batches AS
SELECT batch_id, kind, file_name, sha256, size_bytes, profile, rows_read, rows_loaded,
       rows_rejected, forced, started_at, finished_at
  FROM lis.import_batch;

COMMENT ON VIEW lis_api.batches IS
    'Import batches: one per imported file. | Dansk: Importkørsler: én pr. importeret fil.';
COMMENT ON COLUMN lis_api.batches.batch_id IS 'Batch number. | Dansk: Importkørslens nummer.';
COMMENT ON COLUMN lis_api.batches.kind IS 'What was imported (units, goals, measurements, budget, ...). | Dansk: Hvad der blev importeret (units, goals, measurements, budget, ...).';
COMMENT ON COLUMN lis_api.batches.file_name IS 'Name of the imported file. | Dansk: Den importerede fils navn.';
COMMENT ON COLUMN lis_api.batches.sha256 IS 'SHA-256 of the file. | Dansk: Filens SHA-256.';
COMMENT ON COLUMN lis_api.batches.size_bytes IS 'Size of the file in bytes. | Dansk: Filens størrelse i bytes.';
COMMENT ON COLUMN lis_api.batches.profile IS 'The import profile used. | Dansk: Den anvendte importprofil.';
COMMENT ON COLUMN lis_api.batches.rows_read IS 'Rows read. | Dansk: Læste rækker.';
COMMENT ON COLUMN lis_api.batches.rows_loaded IS 'Rows loaded. | Dansk: Indlæste rækker.';
COMMENT ON COLUMN lis_api.batches.rows_rejected IS 'Rows rejected. | Dansk: Afviste rækker.';
COMMENT ON COLUMN lis_api.batches.forced IS 'True when imported with --force. | Dansk: Sand når importeret med --force.';
COMMENT ON COLUMN lis_api.batches.started_at IS 'When the import started. | Dansk: Hvornår importen begyndte.';
COMMENT ON COLUMN lis_api.batches.finished_at IS 'When the import committed; empty while running. | Dansk: Hvornår importen blev gennemført; tom mens den kører.';
