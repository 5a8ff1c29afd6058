-- check_findings.sql - the framework check of "lis check" (SPEC sections 3
-- and 6) over every agreement of every year, drafts too. The check itself is
-- the function lis_api.check_findings (sql/api/findings.sql), which analysts
-- read too.
--
-- $1 integer  own_goals_min
-- $2 integer  own_goals_max
-- $3 integer  cross_cutting_min
-- Result: agreement_id, goal_id ('' for findings of the agreement), finding
-- (the code), message (Danish). Ordered by agreement, goal, finding.
SELECT agreement_id, goal_id, finding, message
  FROM lis_api.check_findings($1, $2, $3)
 ORDER BY agreement_id COLLATE "C", goal_id COLLATE "C", finding COLLATE "C",
          message COLLATE "C"
