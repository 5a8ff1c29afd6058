-- goal_statuses.sql - lis_api.goal_statuses: qualitative statuses of goals.
-- Part of the published interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.goal_statuses AS
SELECT goal_id, period, year, first_month, last_month, status, comment, author, batch_id
  FROM lis.goal_status;

COMMENT ON VIEW lis_api.goal_statuses IS
    'Qualitative statuses with comments, for goals followed up without a figure. | Dansk: Kvalitative statusser med kommentar for mål der følges op uden et tal.';
COMMENT ON COLUMN lis_api.goal_statuses.goal_id IS 'The goal. | Dansk: Målet.';
COMMENT ON COLUMN lis_api.goal_statuses.period IS 'The period the status covers. | Dansk: Den periode statussen dækker.';
COMMENT ON COLUMN lis_api.goal_statuses.year IS 'Year of the period. | Dansk: Periodens år.';
COMMENT ON COLUMN lis_api.goal_statuses.first_month IS 'First month of the period (1-12). | Dansk: Periodens første måned (1-12).';
COMMENT ON COLUMN lis_api.goal_statuses.last_month IS 'Last month of the period (1-12). | Dansk: Periodens sidste måned (1-12).';
COMMENT ON COLUMN lis_api.goal_statuses.status IS 'opfyldt, paa-sporet, delvist, forsinket, ikke-opfyldt or ikke-startet. | Dansk: opfyldt, paa-sporet, delvist, forsinket, ikke-opfyldt eller ikke-startet.';
COMMENT ON COLUMN lis_api.goal_statuses.comment IS 'The comment shown on every report of the goal. | Dansk: Kommentaren der vises i alle rapporter om målet.';
COMMENT ON COLUMN lis_api.goal_statuses.author IS 'Who gave the status. | Dansk: Hvem der gav statussen.';
COMMENT ON COLUMN lis_api.goal_statuses.batch_id IS 'The import batch the row came from. | Dansk: Den importkørsel rækken kom fra.';
