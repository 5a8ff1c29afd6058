-- delivery_record.sql - records one delivery of a run.
--
-- $1 bigint  run_id
-- $2 text    target ("folder:/srv/share/lis/2026-03", "mail:a@x, b@y")
-- $3 text    outcome: ok or failed
-- $4 text    detail: the server's reply or the error (never a password)
-- $5 integer attempts
INSERT INTO lis.delivery (run_id, target, outcome, detail, attempts)
VALUES ($1, $2, $3, $4, $5)
