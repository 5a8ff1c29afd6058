-- import_measurements_update.sql - replaces the measurements whose key the
-- staged rows carry (import_measurements_history.sql kept the old values
-- first). $1: batch_id.
--
-- With import_measurements_insert.sql this is the upsert of the staged
-- rows, in two statements: INSERT ... ON CONFLICT paid its speculative
-- insertion on every row (a 250,000-row file was 60 % slower to merge than
-- a plain INSERT), while most rows of a file are new. Imports of one kind
-- hold import_lock.sql, so no other import adds a key in between.
UPDATE measurement m
   SET year = s.year, first_month = s.first_month, last_month = s.last_month,
       value = s.value, batch_id = $1::bigint
  FROM import_stage s
 WHERE m.indicator_id = s.indicator_id AND m.unit_id = s.unit_id AND m.period = s.period
