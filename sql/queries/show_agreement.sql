-- show_agreement.sql - does the agreement "lis show --agreement" names exist?
-- Read from the interface, so that lis_reporter may run it.
--
-- $1 text  the agreement id
-- Result: one row when it exists, else none.
SELECT 1 FROM lis_api.agreements WHERE agreement_id = $1
