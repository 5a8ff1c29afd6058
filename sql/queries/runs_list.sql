-- runs_list.sql - the report runs for "lis runs", oldest first, with their
-- deliveries. Run sql/queries/run_mark_stale.sql first so that a killed run
-- shows as failed.
--
-- $1 text  kind, or NULL: every kind except rollup
-- $2 text  period (window name), or NULL: every period
--
-- Result: run_id, kind, period, parameters (JSON text), started
-- (yyyy-mm-dd hh:mm:ss, the server's time zone), duration (seconds, NULL
-- while running), status, error, files, folder, deliveries (text: "TARGET:
-- OUTCOME (DETAIL)" joined by " | "), deliveries_json (a JSON array of
-- {"target", "outcome", "detail", "attempts", "time"}).
SELECT r.run_id, r.kind, r.period, r.parameters::text,
       to_char(r.started_at, 'YYYY-MM-DD HH24:MI:SS'),
       round(extract(epoch FROM r.finished_at - r.started_at)::numeric, 3),
       r.status, r.error, r.files,
       COALESCE(r.output_dir, NULLIF(r.parameters->>'out', '') || '/' || r.period),
       (SELECT string_agg(d.target || ': ' || d.outcome
                          || COALESCE(' (' || d.detail || ')', ''), ' | '
                          ORDER BY d.delivery_id)
        FROM lis.delivery d WHERE d.run_id = r.run_id),
       COALESCE((SELECT json_agg(json_build_object(
                     'target', d.target, 'outcome', d.outcome, 'detail', d.detail,
                     'attempts', d.attempts,
                     'time', to_char(d.delivered_at, 'YYYY-MM-DD HH24:MI:SS'))
                     ORDER BY d.delivery_id)
                 FROM lis.delivery d WHERE d.run_id = r.run_id), '[]')::text
FROM lis.run r
WHERE (($1::text IS NULL AND r.kind <> 'rollup') OR r.kind = $1)
      AND ($2::text IS NULL OR r.period = $2)
ORDER BY r.run_id
