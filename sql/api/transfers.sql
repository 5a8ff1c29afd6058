-- transfers.sql - lis_api.transfers: budget transfers with the flags of the
-- transfers check (SPEC section 3). "lis show transfers" reads this view.
-- Part of the published interface lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.transfers AS
SELECT t.transfer_id, t.date, t.from_cost_centre, t.from_function, t.to_cost_centre,
       t.to_function, trim_scale(t.amount) AS amount, r.cross_policy_area,
       r.cross_service_frame, r.within_agreement, r.verdict, r.flags, r.year,
       r.unknown_function, t.note, t.batch_id
  FROM lis.rollup_transfer r
  JOIN lis.transfer t USING (transfer_id);

COMMENT ON VIEW lis_api.transfers IS
    'Budget transfers (omplaceringer) of the rolled-up years with their flags and verdict. | Dansk: Omplaceringer i de beregnede år med markeringer og vurdering.';
COMMENT ON COLUMN lis_api.transfers.transfer_id IS 'Transfer id. | Dansk: Omplaceringens id.';
COMMENT ON COLUMN lis_api.transfers.date IS 'Date of the transfer. | Dansk: Omplaceringens dato.';
COMMENT ON COLUMN lis_api.transfers.from_cost_centre IS 'Cost centre the budget moves from. | Dansk: Omkostningssted budgettet flyttes fra.';
COMMENT ON COLUMN lis_api.transfers.from_function IS 'Function the budget moves from. | Dansk: Funktion budgettet flyttes fra.';
COMMENT ON COLUMN lis_api.transfers.to_cost_centre IS 'Cost centre the budget moves to. | Dansk: Omkostningssted budgettet flyttes til.';
COMMENT ON COLUMN lis_api.transfers.to_function IS 'Function the budget moves to. | Dansk: Funktion budgettet flyttes til.';
COMMENT ON COLUMN lis_api.transfers.amount IS 'Amount moved. | Dansk: Beløb der flyttes.';
COMMENT ON COLUMN lis_api.transfers.cross_policy_area IS 'True when the functions lie in different policy areas (kræver politisk behandling). | Dansk: Sand når funktionerne ligger i forskellige politikområder (kræver politisk behandling).';
COMMENT ON COLUMN lis_api.transfers.cross_service_frame IS 'True when the transfer crosses the service-frame boundary (ikke tilladt). | Dansk: Sand når omplaceringen krydser servicerammens grænse (ikke tilladt).';
COMMENT ON COLUMN lis_api.transfers.within_agreement IS 'True when both cost centres belong to units of one agreement of the year (inden for råderum). | Dansk: Sand når begge omkostningssteder hører til enheder i én aftale samme år (inden for råderum).';
COMMENT ON COLUMN lis_api.transfers.verdict IS 'The most severe flag: ikke tilladt (serviceramme), kræver politisk behandling or inden for råderum; empty when none. | Dansk: Den alvorligste markering: ikke tilladt (serviceramme), kræver politisk behandling eller inden for råderum; tom når ingen.';
COMMENT ON COLUMN lis_api.transfers.flags IS 'Every flag, joined by a vertical bar in order of severity. | Dansk: Alle markeringer, adskilt af en lodret streg i rækkefølge efter alvor.';
COMMENT ON COLUMN lis_api.transfers.year IS 'The year of the transfer. | Dansk: Omplaceringens år.';
COMMENT ON COLUMN lis_api.transfers.unknown_function IS 'True when a function is missing from the accounts (ukendt funktion). | Dansk: Sand når en funktion mangler i kontoplanen (ukendt funktion).';
COMMENT ON COLUMN lis_api.transfers.note IS 'Note from the transfers file. | Dansk: Bemærkning fra omplaceringsfilen.';
COMMENT ON COLUMN lis_api.transfers.batch_id IS 'The import batch the row came from. | Dansk: Den importkørsel rækken kom fra.';
