-- report_agreements.sql - the agreements a report covers, with holder,
-- grantor, level and the fagområde the holder lies in (for grouping).
--
-- $1 integer  the budget year
-- $2 text[]   agreement ids to report, or NULL for every agreement of the year
--
-- Result, one row per agreement, sorted by agreement_id (byte order, as the
-- renderers' binary search expects): agreement_id, name, status, year,
-- level (2 when it names a parent or its grantor is a fagområde, else 1),
-- holder_unit, holder_name, holder_leader, grantor_unit, grantor_name,
-- parent_agreement, area_unit, area_name (the nearest fagomraade at or above
-- the holder; NULL when there is none).
WITH RECURSIVE sel AS (
    SELECT a.*
    FROM lis.agreement a
    WHERE a.year = $1 AND ($2::text[] IS NULL OR a.agreement_id = ANY ($2::text[]))
), up AS (
    SELECT sel.agreement_id, u.unit_id, u.parent_id, u.kind, u.name, 0 AS depth
    FROM sel JOIN lis.unit u ON u.unit_id = sel.holder_unit
    UNION ALL
    SELECT up.agreement_id, u.unit_id, u.parent_id, u.kind, u.name, up.depth + 1
    FROM up JOIN lis.unit u ON u.unit_id = up.parent_id
    WHERE up.kind <> 'fagomraade' AND up.depth < 64
), area AS (
    SELECT DISTINCT ON (agreement_id) agreement_id, unit_id, name
    FROM up
    WHERE kind = 'fagomraade'
    ORDER BY agreement_id, depth
)
SELECT sel.agreement_id, sel.name, sel.status, sel.year,
       CASE WHEN sel.parent_agreement IS NOT NULL OR g.kind = 'fagomraade' THEN 2 ELSE 1 END
           AS level,
       sel.holder_unit, h.name AS holder_name, h.leader AS holder_leader,
       sel.grantor_unit, g.name AS grantor_name, sel.parent_agreement,
       area.unit_id AS area_unit, area.name AS area_name
FROM sel
LEFT JOIN lis.unit h ON h.unit_id = sel.holder_unit
LEFT JOIN lis.unit g ON g.unit_id = sel.grantor_unit
LEFT JOIN area ON area.agreement_id = sel.agreement_id
ORDER BY sel.agreement_id COLLATE "C";
