-- 006_import_refs.sql - the references of measurements (to their indicator
-- and unit) and of measurement history (to the batch that replaced it) are
-- checked once per statement instead of once per row (issue 10).
--
-- As foreign keys they cost one trigger call per row: 273,000 measurements
-- made 820,000 key lookups, two thirds of a measurement import. The
-- statement-level triggers below keep the same promise set-based, with the
-- same locks and the same error (SQLSTATE 23503, which lis batch rm reports
-- as "still referenced"):
--   - rows written into measurement (or measurement_history) lock the rows
--     they refer to FOR KEY SHARE, once per distinct key, as a foreign key
--     would; a key that is not there is an error;
--   - deleting or re-keying an indicator or unit that measurements still
--     refer to is an error; deleting a batch deletes the history it replaced
--     (the ON DELETE CASCADE of before).
-- The functions run as their owner (SECURITY DEFINER), as a foreign key's
-- checks do, so a role that may write measurements needs nothing more.

SET LOCAL search_path = lis;

ALTER TABLE measurement DROP CONSTRAINT measurement_indicator_id_fkey,
                        DROP CONSTRAINT measurement_unit_id_fkey;
ALTER TABLE measurement_history DROP CONSTRAINT measurement_history_replaced_by_fkey;

CREATE FUNCTION measurement_refs_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lis, pg_temp AS $$
DECLARE
    bad text;
BEGIN
    PERFORM 1 FROM indicator
    WHERE indicator_id IN (SELECT DISTINCT indicator_id FROM new_rows)
    FOR KEY SHARE OF indicator;
    PERFORM 1 FROM unit WHERE unit_id IN (SELECT DISTINCT unit_id FROM new_rows)
    FOR KEY SHARE OF unit;
    SELECT k.indicator_id INTO bad
    FROM (SELECT DISTINCT indicator_id FROM new_rows) k
    WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.indicator_id = k.indicator_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "measurement" violates foreign key constraint "measurement_indicator_id_fkey"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (indicator_id)=(%s) is not present in table "indicator".', bad);
    END IF;
    SELECT k.unit_id INTO bad
    FROM (SELECT DISTINCT unit_id FROM new_rows) k
    WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.unit_id = k.unit_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "measurement" violates foreign key constraint "measurement_unit_id_fkey"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (unit_id)=(%s) is not present in table "unit".', bad);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER measurement_refs_insert AFTER INSERT ON measurement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION measurement_refs_check();
CREATE TRIGGER measurement_refs_update AFTER UPDATE ON measurement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION measurement_refs_check();

-- An indicator or unit that is gone (deleted, or its key changed) while
-- measurements still name it. TG_ARGV[0]: 'indicator' or 'unit'.
CREATE FUNCTION measurement_refs_parent() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lis, pg_temp AS $$
DECLARE
    gone text[];
    bad text;
BEGIN
    -- the keys that are gone; an upsert of the catalogue changes none, and
    -- then measurement is not read at all
    IF TG_ARGV[0] = 'indicator' THEN
        gone := ARRAY(SELECT o.indicator_id FROM old_rows o
                      WHERE NOT EXISTS (SELECT 1 FROM indicator i
                                        WHERE i.indicator_id = o.indicator_id));
        IF cardinality(gone) = 0 THEN
            RETURN NULL;
        END IF;
        SELECT m.indicator_id INTO bad FROM measurement m
        WHERE m.indicator_id = ANY (gone) LIMIT 1;
    ELSE
        gone := ARRAY(SELECT o.unit_id FROM old_rows o
                      WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.unit_id = o.unit_id));
        IF cardinality(gone) = 0 THEN
            RETURN NULL;
        END IF;
        SELECT m.unit_id INTO bad FROM measurement m WHERE m.unit_id = ANY (gone) LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "measurement_%_id_fkey" on table "measurement"',
                        TG_ARGV[0], TG_ARGV[0]
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (%s_id)=(%s) is still referenced from table "measurement".',
                                  TG_ARGV[0], bad);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER measurement_refs_delete AFTER DELETE ON indicator
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION measurement_refs_parent('indicator');
CREATE TRIGGER measurement_refs_rekey AFTER UPDATE ON indicator
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION measurement_refs_parent('indicator');
CREATE TRIGGER measurement_refs_delete AFTER DELETE ON unit
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION measurement_refs_parent('unit');
CREATE TRIGGER measurement_refs_rekey AFTER UPDATE ON unit
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION measurement_refs_parent('unit');

-- measurement_history.replaced_by names an import batch.
CREATE FUNCTION history_batch_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lis, pg_temp AS $$
DECLARE
    bad bigint;
BEGIN
    PERFORM 1 FROM import_batch
    WHERE batch_id IN (SELECT DISTINCT replaced_by FROM new_rows)
    FOR KEY SHARE OF import_batch;
    SELECT k.replaced_by INTO bad FROM (SELECT DISTINCT replaced_by FROM new_rows) k
    WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.batch_id = k.replaced_by)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "measurement_history" violates foreign key constraint "measurement_history_replaced_by_fkey"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (replaced_by)=(%s) is not present in table "import_batch".', bad);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER history_batch_insert AFTER INSERT ON measurement_history
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION history_batch_check();
CREATE TRIGGER history_batch_update AFTER UPDATE ON measurement_history
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION history_batch_check();

-- Deleting a batch deletes the history it replaced; changing its id while
-- history names it is an error, as ON UPDATE NO ACTION was.
CREATE FUNCTION history_batch_parent() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lis, pg_temp AS $$
DECLARE
    bad bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM measurement_history
        WHERE replaced_by IN (SELECT batch_id FROM old_rows);
    ELSE
        -- recording or withdrawing a batch changes no id: history is not read
        IF NOT EXISTS (SELECT 1 FROM old_rows o
                       WHERE NOT EXISTS (SELECT 1 FROM import_batch b
                                         WHERE b.batch_id = o.batch_id)) THEN
            RETURN NULL;
        END IF;
        SELECT h.replaced_by INTO bad FROM measurement_history h
        WHERE h.replaced_by IN (SELECT o.batch_id FROM old_rows o
                                WHERE NOT EXISTS (SELECT 1 FROM import_batch b
                                                  WHERE b.batch_id = o.batch_id))
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'update or delete on table "import_batch" violates foreign key constraint "measurement_history_replaced_by_fkey" on table "measurement_history"'
                USING ERRCODE = 'foreign_key_violation',
                      DETAIL = format('Key (batch_id)=(%s) is still referenced from table "measurement_history".', bad);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER history_batch_delete AFTER DELETE ON import_batch
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION history_batch_parent();
CREATE TRIGGER history_batch_rekey AFTER UPDATE ON import_batch
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION history_batch_parent();
