-- goals.sql - lis_api.goals: goals with kind, focus area, cross-cutting and
-- the agreements they are shared with. Part of the published interface
-- lis_api; columns only ever append.
CREATE OR REPLACE VIEW lis_api.goals AS
SELECT g.goal_id, g.agreement_id, g.title, g.kind, g.focus_area, g.cross_cutting,
       (SELECT string_agg(s.agreement_id, ' ' ORDER BY s.agreement_id COLLATE "C")
          FROM lis.goal_share s WHERE s.goal_id = g.goal_id) AS shared_with,
       g.first_year, g.last_year, g.description, g.batch_id
  FROM lis.goal g;

COMMENT ON VIEW lis_api.goals IS
    'Goals of the agreements, each owned by one agreement and possibly shared with others. | Dansk: Aftalernes mål; hvert mål ejes af én aftale og kan være delt med andre.';
COMMENT ON COLUMN lis_api.goals.goal_id IS 'Goal id. | Dansk: Målets id.';
COMMENT ON COLUMN lis_api.goals.agreement_id IS 'The agreement that owns the goal. | Dansk: Den aftale der ejer målet.';
COMMENT ON COLUMN lis_api.goals.title IS 'Title of the goal. | Dansk: Målets titel.';
COMMENT ON COLUMN lis_api.goals.kind IS 'politisk-strategisk, politisk-driftsnaer, fagligt, eget or koncern. | Dansk: Måltype: politisk-strategisk, politisk-driftsnaer, fagligt, eget eller koncern.';
COMMENT ON COLUMN lis_api.goals.focus_area IS 'Focus area: uddannelse, beskaeftigelse, mestring, erhverv, or empty. | Dansk: Fokusområde: uddannelse, beskaeftigelse, mestring, erhverv eller tom.';
COMMENT ON COLUMN lis_api.goals.cross_cutting IS 'True for a cross-cutting goal. | Dansk: Sand for et tværfagligt mål.';
COMMENT ON COLUMN lis_api.goals.shared_with IS 'The agreements the goal is shared with, separated by spaces, as in the goals file; empty when not shared. | Dansk: De aftaler målet er delt med, adskilt af mellemrum som i målfilen; tom når det ikke er delt.';
COMMENT ON COLUMN lis_api.goals.first_year IS 'First year of the goal. | Dansk: Målets første år.';
COMMENT ON COLUMN lis_api.goals.last_year IS 'Last year of the goal; later than first_year for a multi-year goal. | Dansk: Målets sidste år; senere end first_year for et flerårigt mål.';
COMMENT ON COLUMN lis_api.goals.description IS 'Description of the goal. | Dansk: Beskrivelse af målet.';
COMMENT ON COLUMN lis_api.goals.batch_id IS 'The import batch the row came from. | Dansk: Den importkørsel rækken kom fra.';
