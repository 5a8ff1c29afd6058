-- import_budget_copy.sql - budget lines are appended straight to budget_line,
-- in binary format (engine/copybin.c): the amounts arrive as numerics, so
-- the server does not parse a million of them from text again.
COPY budget_line (batch_id, line_no, year, month, cost_centre, function, account, budget,
                  actual, original_budget) FROM STDIN (FORMAT binary)
