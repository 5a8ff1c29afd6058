-- batch_rm_budget.sql - a budget batch's lines. $1: batch_id.
DELETE FROM budget_line WHERE batch_id = $1::bigint
