-- import_budget_copy.sql - budget lines are appended straight to budget_line.
COPY budget_line (batch_id, line_no, year, month, cost_centre, function, account, budget,
                  actual, original_budget) FROM STDIN
