-- 009_budget_line_brin.sql - one BRIN index on budget_line for the year and
-- the batch, in place of one for each.
--
-- Every budget line appended costs each BRIN index of the table a lookup of
-- its page range, and the two of them were a third of the server's time of
-- a budget import: a million lines by binary COPY took 3.1-3.2 s with two,
-- 1.9-2.6 s with one and 1.7-2.0 s with none (issue 10). A BRIN index on
-- two columns serves a condition on either (the rollup's year, lis batch
-- rm's batch) as the two did.

SET LOCAL search_path = lis;

DROP INDEX budget_line_year, budget_line_batch;
CREATE INDEX budget_line_year_batch ON budget_line USING brin (year, batch_id);
