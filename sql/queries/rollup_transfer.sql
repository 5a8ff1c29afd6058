-- rollup_transfer.sql - the flags and verdict of every transfer dated in one
-- year (SPEC section 3, transfers check), inserted into rollup_transfer.
--
-- $1 integer  the year
-- Result: none (INSERT).
--
-- Flags in order of severity: ikke tilladt (serviceramme), kræver politisk
-- behandling, inden for råderum, ukendt funktion. With an unknown function
-- neither the policy-area nor the service-frame test is made. "Within an
-- agreement": both cost centres belong to units of one agreement of the year
-- (any level: the holder unit or a descendant).
WITH
acc AS (SELECT au.agreement_id, c.cost_centre FROM rollup_au au JOIN cost_centre c USING (unit_id)),
t AS (
    SELECT tr.transfer_id,
           fa.function IS NULL OR ta.function IS NULL AS unknown_function,
           fa.function IS NOT NULL AND ta.function IS NOT NULL
               AND fa.policy_area <> ta.policy_area AS cross_pa,
           fa.function IS NOT NULL AND ta.function IS NOT NULL
               AND fa.service_frame <> ta.service_frame AS cross_sf,
           EXISTS (SELECT 1 FROM acc x JOIN acc y USING (agreement_id)
                    WHERE x.cost_centre = tr.from_cost_centre
                      AND y.cost_centre = tr.to_cost_centre) AS within
      FROM transfer tr
      LEFT JOIN account fa ON fa.function = tr.from_function
      LEFT JOIN account ta ON ta.function = tr.to_function
     WHERE tr.date >= make_date($1, 1, 1) AND tr.date < make_date($1 + 1, 1, 1)
)
INSERT INTO rollup_transfer (year, transfer_id, cross_policy_area, cross_service_frame,
                             within_agreement, unknown_function, verdict, flags)
SELECT $1, transfer_id, cross_pa, cross_sf, within, unknown_function,
       CASE WHEN cross_sf THEN 'ikke tilladt (serviceramme)'
            WHEN cross_pa THEN 'kræver politisk behandling'
            WHEN within THEN 'inden for råderum'
            WHEN unknown_function THEN 'ukendt funktion'
            ELSE '' END,
       concat_ws('|', CASE WHEN cross_sf THEN 'ikke tilladt (serviceramme)' END,
                      CASE WHEN cross_pa THEN 'kræver politisk behandling' END,
                      CASE WHEN within THEN 'inden for råderum' END,
                      CASE WHEN unknown_function THEN 'ukendt funktion' END)
  FROM t
