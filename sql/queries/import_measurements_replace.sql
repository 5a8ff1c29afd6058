-- import_measurements_replace.sql - moves every measurement whose key the
-- staged rows carry into measurement_history, with the replacing batch;
-- import_measurements_insert.sql then adds all the staged rows. $1:
-- batch_id.
--
-- Deleting the old rows first leaves the insert nothing to look up in the
-- table it writes. The upsert before it (an UPDATE, then an INSERT of the
-- keys NOT EXISTS in measurement) read measurement while writing it: when
-- the table was empty and analysed (lis ready or a rollup before the first
-- import), the plan scanned it once per staged row, rows inserted by the
-- statement itself included, and a 250,000-row file did not finish in 10
-- minutes. INSERT ... ON CONFLICT paid its speculative insertion on every
-- row. Imports of one kind hold import_lock.sql, so no other import adds a
-- key in between.
WITH replaced AS (
    DELETE FROM measurement m
     USING import_stage s
     WHERE m.year = s.year AND m.indicator_id = s.indicator_id AND m.unit_id = s.unit_id
       AND m.period = s.period
    RETURNING m.*
)
INSERT INTO measurement_history (indicator_id, unit_id, period, year, first_month, last_month,
                                 value, batch_id, replaced_by)
SELECT indicator_id, unit_id, period, year, first_month, last_month, value, batch_id,
       $1::bigint
  FROM replaced
