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

-- The rows a statement wrote into a child table must name rows of the
-- parent. TG_ARGV: the child's column, the parent table, its key column,
-- the name of the foreign key this stands for (for the message).
CREATE FUNCTION refs_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lis, pg_temp AS $$
DECLARE
    bad text;
BEGIN
    EXECUTE format('SELECT 1 FROM %2$I WHERE %3$I IN (SELECT DISTINCT %1$I FROM new_rows) '
                   'FOR KEY SHARE OF %2$I', TG_ARGV[0], TG_ARGV[1], TG_ARGV[2]);
    EXECUTE format('SELECT k.v::text FROM (SELECT DISTINCT %1$I AS v FROM new_rows) k '
                   'WHERE NOT EXISTS (SELECT 1 FROM %2$I p WHERE p.%3$I = k.v) LIMIT 1',
                   TG_ARGV[0], TG_ARGV[1], TG_ARGV[2])
        INTO bad;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"',
                        TG_TABLE_NAME, TG_ARGV[3]
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[0],
                                  bad, TG_ARGV[1]);
    END IF;
    RETURN NULL;
END $$;

-- Keys of a parent that a statement deleted or changed while a child still
-- names them: an error, or with 'cascade' the child's rows are deleted.
-- TG_ARGV: the parent's key column, the child table, its column, the name
-- of the foreign key, and 'restrict' or 'cascade'.
CREATE FUNCTION refs_parent() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lis, pg_temp AS $$
DECLARE
    gone text[];
    bad text;
BEGIN
    -- the keys that are gone; an upsert of the catalogue or the record of a
    -- batch changes none, and then the child is not read at all
    EXECUTE format('SELECT array_agg(o.%1$I::text) FROM old_rows o '
                   'WHERE NOT EXISTS (SELECT 1 FROM %2$I p WHERE p.%1$I = o.%1$I)',
                   TG_ARGV[0], TG_TABLE_NAME)
        INTO gone;
    IF gone IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_ARGV[4] = 'cascade' AND TG_OP = 'DELETE' THEN
        EXECUTE format('DELETE FROM %1$I WHERE %2$I::text = ANY ($1)', TG_ARGV[1], TG_ARGV[2])
            USING gone;
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT %2$I::text FROM %1$I WHERE %2$I::text = ANY ($1) LIMIT 1',
                   TG_ARGV[1], TG_ARGV[2])
        INTO bad USING gone;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "%"',
                        TG_TABLE_NAME, TG_ARGV[3], TG_ARGV[1]
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (%s)=(%s) is still referenced from table "%s".',
                                  TG_ARGV[0], bad, TG_ARGV[1]);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER refs_indicator_insert AFTER INSERT ON measurement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_check('indicator_id', 'indicator', 'indicator_id',
                                'measurement_indicator_id_fkey');
CREATE TRIGGER refs_indicator_update AFTER UPDATE ON measurement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_check('indicator_id', 'indicator', 'indicator_id',
                                'measurement_indicator_id_fkey');
CREATE TRIGGER refs_unit_insert AFTER INSERT ON measurement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_check('unit_id', 'unit', 'unit_id', 'measurement_unit_id_fkey');
CREATE TRIGGER refs_unit_update AFTER UPDATE ON measurement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_check('unit_id', 'unit', 'unit_id', 'measurement_unit_id_fkey');
CREATE TRIGGER refs_batch_insert AFTER INSERT ON measurement_history
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_check('replaced_by', 'import_batch', 'batch_id',
                                'measurement_history_replaced_by_fkey');
CREATE TRIGGER refs_batch_update AFTER UPDATE ON measurement_history
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_check('replaced_by', 'import_batch', 'batch_id',
                                'measurement_history_replaced_by_fkey');

CREATE TRIGGER refs_measurement_delete AFTER DELETE ON indicator
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_parent('indicator_id', 'measurement', 'indicator_id',
                                 'measurement_indicator_id_fkey', 'restrict');
CREATE TRIGGER refs_measurement_update AFTER UPDATE ON indicator
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_parent('indicator_id', 'measurement', 'indicator_id',
                                 'measurement_indicator_id_fkey', 'restrict');
CREATE TRIGGER refs_measurement_delete AFTER DELETE ON unit
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_parent('unit_id', 'measurement', 'unit_id',
                                 'measurement_unit_id_fkey', 'restrict');
CREATE TRIGGER refs_measurement_update AFTER UPDATE ON unit
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_parent('unit_id', 'measurement', 'unit_id',
                                 'measurement_unit_id_fkey', 'restrict');
-- the ON DELETE CASCADE of before; changing a batch's id stays an error
CREATE TRIGGER refs_history_delete AFTER DELETE ON import_batch
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_parent('batch_id', 'measurement_history', 'replaced_by',
                                 'measurement_history_replaced_by_fkey', 'cascade');
CREATE TRIGGER refs_history_update AFTER UPDATE ON import_batch
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION refs_parent('batch_id', 'measurement_history', 'replaced_by',
                                 'measurement_history_replaced_by_fkey', 'restrict');
