-- 010_refs_check_once.sql - the statement-level reference check of 006
-- (refs_check) reads the rows a statement wrote once instead of twice.
--
-- It locked the parent rows of the statement's distinct keys in one query
-- and looked for a key without a parent in a second, each taking the
-- distinct keys of the transition table again: for 251,324 measurements,
-- two checks of about 0.1 s each (issue 10). Now one query takes the
-- distinct keys once and, per key, locks its parent row FOR KEY SHARE as a
-- foreign key would; the first key without one ends the query with the
-- same error as before. The promise and the locks are those of 006.

SET LOCAL search_path = lis;

CREATE OR REPLACE FUNCTION refs_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lis, pg_temp AS $$
DECLARE
    bad text;
BEGIN
    EXECUTE format('SELECT k.v::text FROM (SELECT DISTINCT %1$I AS v FROM new_rows) k '
                   'LEFT JOIN LATERAL (SELECT true AS found FROM %2$I p WHERE p.%3$I = k.v '
                   'FOR KEY SHARE) l ON true '
                   'WHERE k.v IS NOT NULL AND l.found IS NULL LIMIT 1',
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
