-- show_transfers.sql - transfers with their flags for "lis show transfers",
-- read from the interface views lis_api.transfers, agreements, units and
-- cost_centres (sql/api/).
--
-- $1 integer  the year
-- $2 integer  the first month of the window
-- $3 integer  the last month of the window
-- $4 text     an agreement id, or NULL: only transfers with a cost centre in
--             that agreement's units
-- Result: transfer_id, date (yyyy-mm-dd), from_cost_centre, from_function,
-- to_cost_centre, to_function, amount (numeric text), cross_policy_area,
-- cross_service_frame, within_agreement (ja/nej), verdict, flags. Ordered by
-- date, then transfer id.
WITH RECURSIVE au(unit_id) AS (
    SELECT u.unit_id FROM lis_api.agreements a JOIN lis_api.units u ON u.unit_id = a.holder_unit
     WHERE a.agreement_id = $4
    UNION
    SELECT u.unit_id FROM au JOIN lis_api.units u ON u.parent_id = au.unit_id
),
acc AS (SELECT c.cost_centre FROM au JOIN lis_api.cost_centres c USING (unit_id))
SELECT t.transfer_id, to_char(t.date, 'YYYY-MM-DD'), t.from_cost_centre, t.from_function,
       t.to_cost_centre, t.to_function, t.amount::text,
       CASE WHEN t.cross_policy_area THEN 'ja' ELSE 'nej' END,
       CASE WHEN t.cross_service_frame THEN 'ja' ELSE 'nej' END,
       CASE WHEN t.within_agreement THEN 'ja' ELSE 'nej' END,
       t.verdict, t.flags
  FROM lis_api.transfers t
 WHERE t.year = $1
   AND extract(month FROM t.date) BETWEEN $2::int AND $3::int
   AND ($4::text IS NULL OR t.from_cost_centre IN (SELECT cost_centre FROM acc)
        OR t.to_cost_centre IN (SELECT cost_centre FROM acc))
 ORDER BY t.date, t.transfer_id COLLATE "C"
