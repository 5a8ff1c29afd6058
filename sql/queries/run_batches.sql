-- run_batches.sql - the import batches a report of a year reads: those
-- whose rows are in the catalogue, or in the year's measurements, budget
-- lines, statuses (up to the year) and transfers. For manifest.json.
--
-- $1 integer the budget year
--
-- Result sorted by batch_id: batch_id, kind, file_name, sha256, finished
-- (yyyy-mm-ddThh:mi:ssZ).
SELECT b.batch_id, b.kind, b.file_name, b.sha256,
       to_char(b.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM lis.import_batch b
WHERE b.finished_at IS NOT NULL AND b.withdrawn_at IS NULL
  AND b.batch_id IN (
      SELECT batch_id FROM lis.unit
      UNION SELECT batch_id FROM lis.cost_centre
      UNION SELECT batch_id FROM lis.account
      UNION SELECT batch_id FROM lis.agreement WHERE year = $1
      UNION SELECT batch_id FROM lis.goal WHERE $1 BETWEEN first_year AND last_year
      UNION SELECT batch_id FROM lis.indicator
      UNION SELECT batch_id FROM lis.target WHERE year = $1
      UNION SELECT batch_id FROM lis.measurement WHERE year = $1
      UNION SELECT batch_id FROM lis.budget_line WHERE year = $1
      UNION SELECT batch_id FROM lis.goal_status WHERE year <= $1
      UNION SELECT batch_id FROM lis.transfer WHERE date_part('year', date) = $1)
ORDER BY b.batch_id;
