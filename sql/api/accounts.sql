-- accounts.sql - lis_api.accounts: functions, policy areas, service frame.
-- Part of the published interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.accounts AS
SELECT function, name, policy_area, service_frame, batch_id
  FROM lis.account;

COMMENT ON VIEW lis_api.accounts IS
    'The functions of the chart of accounts with their policy area and whether they lie inside the service frame. | Dansk: Kontoplanens funktioner med politikområde og om de ligger inden for servicerammen.';
COMMENT ON COLUMN lis_api.accounts.function IS 'Function code. | Dansk: Funktionskode.';
COMMENT ON COLUMN lis_api.accounts.name IS 'Name of the function. | Dansk: Funktionens navn.';
COMMENT ON COLUMN lis_api.accounts.policy_area IS 'Policy area of the function. | Dansk: Funktionens politikområde.';
COMMENT ON COLUMN lis_api.accounts.service_frame IS 'True when the function lies inside the service frame. | Dansk: Sand når funktionen ligger inden for servicerammen.';
COMMENT ON COLUMN lis_api.accounts.batch_id IS 'The import batch the row came from. | Dansk: Den importkørsel rækken kom fra.';
