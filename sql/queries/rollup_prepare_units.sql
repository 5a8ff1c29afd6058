-- rollup_prepare_units.sql - U(A) for every agreement of a year: the holder
-- unit and all its descendants, as a temporary table rollup_au(agreement_id,
-- unit_id) dropped at the end of the rollup's transaction.
--
-- $1 integer  the year
-- Result: none.
CREATE TEMP TABLE rollup_au ON COMMIT DROP AS
WITH RECURSIVE au(agreement_id, unit_id) AS (
    SELECT a.agreement_id, u.unit_id
      FROM agreement a JOIN unit u ON u.unit_id = a.holder_unit
     WHERE a.year = $1::int
    UNION
    SELECT au.agreement_id, u.unit_id FROM au JOIN unit u ON u.parent_id = au.unit_id
)
SELECT agreement_id, unit_id FROM au
