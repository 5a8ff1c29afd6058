-- 011_measurement_batch_brin.sql - a BRIN index for measurement's batch in
-- place of the btree, as budget_line has (009).
--
-- Each measurement an import adds cost the btree an entry: a year's
-- measurements at scale 10 took 1.64-1.70 s to import with it, 1.47-1.61 s
-- with a BRIN index and 1.43-1.55 s with none (issue 10, three rounds each).
-- Only lis batch rm reads measurements by their batch. An import appends
-- its rows together, so a batch covers few page ranges; where replaced rows
-- left room that later imports filled, it covers more, and the delete reads
-- more of the table.

SET LOCAL search_path = lis;

DROP INDEX measurement_batch;
CREATE INDEX measurement_batch ON measurement USING brin (batch_id);
