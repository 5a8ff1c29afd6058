-- report_transfers.sql - the transfers of the year with the flags of the
-- transfers check.
--
-- $1 integer  the budget year
--
-- Result sorted by date and transfer_id: transfer_id, date (yyyy-mm-dd),
-- from_cost_centre, from_function, to_cost_centre, to_function, amount
-- (float8), note, cross_policy_area, cross_service_frame, within_agreement,
-- verdict, flags.
SELECT t.transfer_id, to_char(t.date, 'YYYY-MM-DD'), t.from_cost_centre, t.from_function,
       t.to_cost_centre, t.to_function, t.amount::float8, t.note, r.cross_policy_area,
       r.cross_service_frame, r.within_agreement, r.verdict, r.flags
FROM lis.transfer t
JOIN lis.rollup_transfer r ON r.transfer_id = t.transfer_id
WHERE r.year = $1
ORDER BY t.date, t.transfer_id COLLATE "C";
