-- import_goals_merge.sql - upserts the staged goals; first and last year
-- default to the agreement's year. $1: batch_id.
INSERT INTO goal (goal_id, agreement_id, title, kind, focus_area, cross_cutting, first_year,
                  last_year, description, batch_id)
SELECT s.goal_id, s.agreement_id, s.title, s.kind, s.focus_area, s.cross_cutting,
       coalesce(s.first_year, a.year), coalesce(s.last_year, a.year), s.description,
       $1::bigint
FROM import_stage s JOIN agreement a ON a.agreement_id = s.agreement_id
ON CONFLICT (goal_id) DO UPDATE
SET agreement_id = EXCLUDED.agreement_id, title = EXCLUDED.title, kind = EXCLUDED.kind,
    focus_area = EXCLUDED.focus_area, cross_cutting = EXCLUDED.cross_cutting,
    first_year = EXCLUDED.first_year, last_year = EXCLUDED.last_year,
    description = EXCLUDED.description, batch_id = EXCLUDED.batch_id
