-- 002_as_of.sql - what "--as-of-batch N" needs: withdrawn batches are kept
-- (soft withdrawal) with their rows, catalogue rows know the batch that first
-- imported them, and lis.as_of_apply(N) puts the data back as it stood when
-- batch N was the newest (SPEC section 5).
--
-- A withdrawal ("lis batch rm") still removes exactly the batch's rows from
-- the tables every report reads, so every figure is as before; the rows are
-- moved to the *_withdrawn tables below and the batch record stays, marked
-- withdrawn with the newest batch id at that moment (withdrawn_after).
-- Every reader of import_batch ignores withdrawn batches.

SET LOCAL search_path = lis;

ALTER TABLE import_batch
    ADD COLUMN withdrawn_at timestamptz,
    -- the newest batch id when the batch was withdrawn: a withdrawal with
    -- withdrawn_after >= N happened after batch N landed
    ADD COLUMN withdrawn_after bigint;

-- The batch that first imported a catalogue row (batch_id is the one that
-- last wrote it). Set on insert by a trigger, so that the upserts of
-- import_*_merge.sql stay as they are; rows imported before this migration
-- get their current batch.
ALTER TABLE unit ADD COLUMN first_batch_id bigint;
ALTER TABLE cost_centre ADD COLUMN first_batch_id bigint;
ALTER TABLE account ADD COLUMN first_batch_id bigint;
ALTER TABLE agreement ADD COLUMN first_batch_id bigint;
ALTER TABLE goal ADD COLUMN first_batch_id bigint;
ALTER TABLE indicator ADD COLUMN first_batch_id bigint;
ALTER TABLE target ADD COLUMN first_batch_id bigint;
ALTER TABLE goal_status ADD COLUMN first_batch_id bigint;
ALTER TABLE transfer ADD COLUMN first_batch_id bigint;
UPDATE unit SET first_batch_id = batch_id;
UPDATE cost_centre SET first_batch_id = batch_id;
UPDATE account SET first_batch_id = batch_id;
UPDATE agreement SET first_batch_id = batch_id;
UPDATE goal SET first_batch_id = batch_id;
UPDATE indicator SET first_batch_id = batch_id;
UPDATE target SET first_batch_id = batch_id;
UPDATE goal_status SET first_batch_id = batch_id;
UPDATE transfer SET first_batch_id = batch_id;

CREATE FUNCTION first_batch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.first_batch_id := coalesce(NEW.first_batch_id, NEW.batch_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER unit_first_batch BEFORE INSERT ON unit
    FOR EACH ROW EXECUTE FUNCTION first_batch();
CREATE TRIGGER cost_centre_first_batch BEFORE INSERT ON cost_centre
    FOR EACH ROW EXECUTE FUNCTION first_batch();
CREATE TRIGGER account_first_batch BEFORE INSERT ON account
    FOR EACH ROW EXECUTE FUNCTION first_batch();
CREATE TRIGGER agreement_first_batch BEFORE INSERT ON agreement
    FOR EACH ROW EXECUTE FUNCTION first_batch();
CREATE TRIGGER goal_first_batch BEFORE INSERT ON goal
    FOR EACH ROW EXECUTE FUNCTION first_batch();
CREATE TRIGGER indicator_first_batch BEFORE INSERT ON indicator
    FOR EACH ROW EXECUTE FUNCTION first_batch();
CREATE TRIGGER target_first_batch BEFORE INSERT ON target
    FOR EACH ROW EXECUTE FUNCTION first_batch();
CREATE TRIGGER goal_status_first_batch BEFORE INSERT ON goal_status
    FOR EACH ROW EXECUTE FUNCTION first_batch();
CREATE TRIGGER transfer_first_batch BEFORE INSERT ON transfer
    FOR EACH ROW EXECUTE FUNCTION first_batch();

-- The measurement values of withdrawn batches: those the batch held in
-- measurement and its values later batches had replaced (batch_id is the
-- withdrawn batch).
CREATE TABLE measurement_withdrawn (LIKE measurement);
CREATE INDEX measurement_withdrawn_batch ON measurement_withdrawn (batch_id);

-- The lines of withdrawn budget batches, as they were.
CREATE TABLE budget_line_withdrawn (LIKE budget_line);
CREATE INDEX budget_line_withdrawn_batch ON budget_line_withdrawn USING brin (batch_id);

-- The catalogue rows (and a withdrawn goal's shares) of withdrawn batches,
-- each as its table's row in JSON.
CREATE TABLE catalogue_withdrawn (
    batch_id   bigint NOT NULL,
    table_name text NOT NULL,
    row_data   jsonb NOT NULL
);
CREATE INDEX catalogue_withdrawn_batch ON catalogue_withdrawn (batch_id);

-- U(A) of every agreement of year y: the holder unit and all its
-- descendants (for lis ready; the rollup keeps its own temporary copy).
CREATE FUNCTION agreement_units(y integer)
RETURNS TABLE (agreement_id text, unit_id text)
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE au(agreement_id, unit_id) AS (
        SELECT a.agreement_id, u.unit_id
          FROM lis.agreement a JOIN lis.unit u ON u.unit_id = a.holder_unit
         WHERE a.year = y
        UNION
        SELECT au.agreement_id, u.unit_id FROM au JOIN lis.unit u ON u.parent_id = au.unit_id
    )
    SELECT agreement_id, unit_id FROM au
$$;

-- Keeps the rows "lis batch rm" of batch b is about to delete. Called in the
-- withdrawal's transaction before the deletes.
CREATE FUNCTION batch_archive(b bigint) RETURNS void
LANGUAGE plpgsql SET search_path = lis AS $$
BEGIN
    INSERT INTO measurement_withdrawn
    SELECT indicator_id, unit_id, period, year, first_month, last_month, value, batch_id
      FROM measurement WHERE batch_id = b
    UNION ALL
    SELECT indicator_id, unit_id, period, year, first_month, last_month, value, batch_id
      FROM measurement_history WHERE batch_id = b;
    INSERT INTO budget_line_withdrawn SELECT * FROM budget_line WHERE batch_id = b;
    INSERT INTO catalogue_withdrawn (batch_id, table_name, row_data)
    SELECT b, 'unit', to_jsonb(t) FROM unit t WHERE batch_id = b
    UNION ALL SELECT b, 'cost_centre', to_jsonb(t) FROM cost_centre t WHERE batch_id = b
    UNION ALL SELECT b, 'account', to_jsonb(t) FROM account t WHERE batch_id = b
    UNION ALL SELECT b, 'agreement', to_jsonb(t) FROM agreement t WHERE batch_id = b
    UNION ALL SELECT b, 'goal', to_jsonb(t) FROM goal t WHERE batch_id = b
    UNION ALL SELECT b, 'goal_share', to_jsonb(s) FROM goal_share s
               WHERE s.goal_id IN (SELECT goal_id FROM goal WHERE batch_id = b)
    UNION ALL SELECT b, 'indicator', to_jsonb(t) FROM indicator t WHERE batch_id = b
    UNION ALL SELECT b, 'target', to_jsonb(t) FROM target t WHERE batch_id = b
    UNION ALL SELECT b, 'goal_status', to_jsonb(t) FROM goal_status t WHERE batch_id = b
    UNION ALL SELECT b, 'transfer', to_jsonb(t) FROM transfer t WHERE batch_id = b;
END
$$;

-- Puts the data tables back as they stood when batch n was the newest: right
-- after batch n landed. Meant for a transaction that is rolled back (lis run
-- and lis show --as-of-batch): it rewrites the live tables.
--
-- * A batch counts when its id is <= n and it was not withdrawn before n
--   landed (withdrawn later: it counts as it was; its rows come back from the
--   *_withdrawn tables). Batches after n are marked withdrawn, so every
--   reader of import_batch sees n as the newest.
-- * Measurements: per key, the value of the newest counting batch among the
--   current values, measurement_history and the withdrawn values.
-- * Budget lines: the lines of the counting batches.
-- * Catalogue rows (units ... transfers) first imported after n are left
--   out; rows of batches withdrawn after n come back. A row updated by a
--   later batch keeps its newer version (no older versions are kept).
CREATE FUNCTION as_of_apply(n bigint) RETURNS void
LANGUAGE plpgsql SET search_path = lis AS $$
BEGIN
    CREATE TEMP TABLE as_of_batch ON COMMIT DROP AS
    SELECT batch_id FROM import_batch
     WHERE batch_id <= n AND (withdrawn_at IS NULL OR withdrawn_after >= n);

    CREATE TEMP TABLE as_of_measurement ON COMMIT DROP AS
    SELECT DISTINCT ON (indicator_id, unit_id, period) *
      FROM (SELECT indicator_id, unit_id, period, year, first_month, last_month, value,
                   batch_id FROM measurement
            UNION ALL
            SELECT indicator_id, unit_id, period, year, first_month, last_month, value,
                   batch_id FROM measurement_history
            UNION ALL
            SELECT indicator_id, unit_id, period, year, first_month, last_month, value,
                   batch_id FROM measurement_withdrawn) l
     WHERE batch_id IN (SELECT batch_id FROM as_of_batch)
     ORDER BY indicator_id, unit_id, period, batch_id DESC;

    DELETE FROM measurement m
     WHERE NOT EXISTS (SELECT 1 FROM as_of_measurement a
                        WHERE a.indicator_id = m.indicator_id AND a.unit_id = m.unit_id
                          AND a.period = m.period AND a.batch_id = m.batch_id);
    DELETE FROM budget_line WHERE batch_id NOT IN (SELECT batch_id FROM as_of_batch);

    -- catalogue rows first imported after n, children first
    DELETE FROM transfer WHERE first_batch_id > n;
    DELETE FROM goal_status WHERE first_batch_id > n;
    DELETE FROM target WHERE first_batch_id > n;
    DELETE FROM goal WHERE first_batch_id > n;
    DELETE FROM agreement WHERE first_batch_id > n;
    DELETE FROM indicator WHERE first_batch_id > n;
    DELETE FROM account WHERE first_batch_id > n;
    DELETE FROM cost_centre WHERE first_batch_id > n;
    DELETE FROM unit WHERE first_batch_id > n;

    -- rows of batches withdrawn after n, parents first
    CREATE TEMP TABLE as_of_catalogue ON COMMIT DROP AS
    SELECT c.table_name, c.row_data
      FROM catalogue_withdrawn c
     WHERE c.batch_id IN (SELECT batch_id FROM as_of_batch)
       AND (c.table_name = 'goal_share' OR (c.row_data->>'first_batch_id')::bigint <= n);
    INSERT INTO unit SELECT (jsonb_populate_record(NULL::unit, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'unit' ON CONFLICT DO NOTHING;
    INSERT INTO cost_centre SELECT (jsonb_populate_record(NULL::cost_centre, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'cost_centre' ON CONFLICT DO NOTHING;
    INSERT INTO account SELECT (jsonb_populate_record(NULL::account, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'account' ON CONFLICT DO NOTHING;
    INSERT INTO indicator SELECT (jsonb_populate_record(NULL::indicator, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'indicator' ON CONFLICT DO NOTHING;
    INSERT INTO agreement SELECT (jsonb_populate_record(NULL::agreement, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'agreement' ON CONFLICT DO NOTHING;
    INSERT INTO goal SELECT (jsonb_populate_record(NULL::goal, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'goal' ON CONFLICT DO NOTHING;
    INSERT INTO goal_share SELECT (jsonb_populate_record(NULL::goal_share, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'goal_share' ON CONFLICT DO NOTHING;
    INSERT INTO target SELECT (jsonb_populate_record(NULL::target, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'target' ON CONFLICT DO NOTHING;
    INSERT INTO goal_status SELECT (jsonb_populate_record(NULL::goal_status, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'goal_status' ON CONFLICT DO NOTHING;
    INSERT INTO transfer SELECT (jsonb_populate_record(NULL::transfer, row_data)).*
      FROM as_of_catalogue WHERE table_name = 'transfer' ON CONFLICT DO NOTHING;

    INSERT INTO measurement (indicator_id, unit_id, period, year, first_month, last_month,
                             value, batch_id)
    SELECT indicator_id, unit_id, period, year, first_month, last_month, value, batch_id
      FROM as_of_measurement ON CONFLICT DO NOTHING;
    INSERT INTO budget_line SELECT * FROM budget_line_withdrawn
     WHERE batch_id IN (SELECT batch_id FROM as_of_batch);

    UPDATE import_batch
       SET withdrawn_at = CASE WHEN batch_id <= n THEN NULL
                               ELSE coalesce(withdrawn_at, now()) END,
           withdrawn_after = CASE WHEN batch_id <= n THEN NULL
                                  ELSE coalesce(withdrawn_after, n) END
     WHERE (batch_id <= n AND withdrawn_at IS NOT NULL
            AND batch_id IN (SELECT batch_id FROM as_of_batch))
        OR (batch_id > n AND withdrawn_at IS NULL);
END
$$;
