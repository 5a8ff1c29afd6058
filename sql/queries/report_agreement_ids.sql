-- report_agreement_ids.sql - the ids of the agreements a report covers, for
-- loading the report a chunk of agreements at a time (lis_report_chunks).
--
-- $1 integer  the budget year
-- $2 text[]   agreement ids to report, or NULL for every agreement of the year
--
-- Result, one row per agreement, sorted by agreement_id (byte order, the
-- order of report_agreements.sql): agreement_id.
SELECT a.agreement_id
FROM lis.agreement a
WHERE a.year = $1 AND ($2::text[] IS NULL OR a.agreement_id = ANY ($2::text[]))
ORDER BY a.agreement_id COLLATE "C";
