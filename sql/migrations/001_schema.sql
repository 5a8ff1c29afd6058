-- 001_schema.sql - the tables of lis: catalogue, data, batches, runs, rollup.
--
-- Applied by "lis db init" in one transaction and recorded in
-- lis.schema_version (which lis creates before the first migration). Names
-- follow SPEC sections 2 and 3; every enumeration is a CHECK so that bad data
-- cannot land even through ad hoc SQL. Codes and ids are text: leading zeros
-- are kept and ids compare as written. Money and measured values are numeric,
-- never floating point.

SET LOCAL search_path = lis;

-- ------------------------------------------------------------ batches, runs

-- One imported file. rows_* are filled when the batch commits.
CREATE TABLE import_batch (
    batch_id      bigserial PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('units', 'cost-centres', 'accounts',
                      'agreements', 'goals', 'indicators', 'targets', 'measurements',
                      'budget', 'statuses', 'transfers')),
    file_name     text NOT NULL,
    sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes    bigint NOT NULL CHECK (size_bytes >= 0),
    profile       text NOT NULL,
    rows_read     integer NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
    rows_loaded   integer NOT NULL DEFAULT 0 CHECK (rows_loaded >= 0),
    rows_rejected integer NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
    forced        boolean NOT NULL DEFAULT false,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz
);
CREATE INDEX import_batch_sha ON import_batch (kind, sha256);

-- One report run (lis run ..., lis rollup).
CREATE TABLE run (
    run_id      bigserial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('rollup', 'monthly', 'quarterly', 'status',
                    'annual', 'demo')),
    period      text NOT NULL,
    parameters  jsonb NOT NULL DEFAULT '{}',
    status      text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'failed')),
    error       text,
    newest_batch bigint REFERENCES import_batch ON DELETE SET NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);

-- ----------------------------------------------------------------- catalogue

CREATE TABLE unit (
    unit_id   text PRIMARY KEY CHECK (unit_id <> ''),
    name      text NOT NULL,
    parent_id text REFERENCES unit DEFERRABLE INITIALLY DEFERRED,
    kind      text NOT NULL CHECK (kind IN ('kommune', 'direktion', 'fagomraade', 'omraade',
                  'institution')),
    leader    text,
    batch_id  bigint REFERENCES import_batch,
    CHECK (parent_id IS DISTINCT FROM unit_id)
);
CREATE INDEX unit_parent ON unit (parent_id);

-- unit_id is not a foreign key: a cost centre with no unit, or an unknown
-- one, is unallocated (ikke-fordelt), never an error.
CREATE TABLE cost_centre (
    cost_centre text PRIMARY KEY CHECK (cost_centre <> ''),
    unit_id     text,
    name        text,
    batch_id    bigint REFERENCES import_batch
);
CREATE INDEX cost_centre_unit ON cost_centre (unit_id);

CREATE TABLE account (
    function      text PRIMARY KEY CHECK (function <> ''),
    name          text NOT NULL,
    policy_area   text NOT NULL,
    service_frame boolean NOT NULL,
    batch_id      bigint REFERENCES import_batch
);

-- holder, grantor and parent are not foreign keys: an unknown one is a
-- finding of lis check (holder_unknown, grantor_unknown, parent_missing).
CREATE TABLE agreement (
    agreement_id     text PRIMARY KEY CHECK (agreement_id <> ''),
    year             integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    name             text NOT NULL,
    holder_unit      text NOT NULL,
    grantor_unit     text NOT NULL,
    parent_agreement text,
    status           text NOT NULL CHECK (status IN ('udkast', 'godkendt', 'afsluttet')),
    batch_id         bigint REFERENCES import_batch
);
CREATE INDEX agreement_year ON agreement (year);

CREATE TABLE goal (
    goal_id       text PRIMARY KEY CHECK (goal_id <> ''),
    agreement_id  text NOT NULL REFERENCES agreement,
    title         text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('politisk-strategisk', 'politisk-driftsnaer',
                      'fagligt', 'eget', 'koncern')),
    focus_area    text CHECK (focus_area IN ('uddannelse', 'beskaeftigelse', 'mestring',
                      'erhverv')),
    cross_cutting boolean NOT NULL DEFAULT false,
    first_year    integer NOT NULL CHECK (first_year BETWEEN 1900 AND 2999),
    last_year     integer NOT NULL CHECK (last_year BETWEEN 1900 AND 2999),
    description   text,
    batch_id      bigint REFERENCES import_batch,
    CHECK (first_year <= last_year)
);
CREATE INDEX goal_agreement ON goal (agreement_id);

-- The agreements a cross-cutting goal is shared with, as listed in
-- goals.shared_with. Ids that are not agreements, and the owner's own id,
-- are kept here but ignored by the rollup (SPEC section 6).
CREATE TABLE goal_share (
    goal_id      text NOT NULL REFERENCES goal ON DELETE CASCADE,
    agreement_id text NOT NULL,
    PRIMARY KEY (goal_id, agreement_id)
);
CREATE INDEX goal_share_agreement ON goal_share (agreement_id);

CREATE TABLE indicator (
    indicator_id text PRIMARY KEY CHECK (indicator_id <> ''),
    name         text NOT NULL,
    unit         text NOT NULL DEFAULT '',
    direction    text NOT NULL CHECK (direction IN ('op', 'ned', 'interval')),
    aggregation  text NOT NULL CHECK (aggregation IN ('sum', 'mean', 'last', 'min', 'max',
                     'ratio')),
    numerator    text REFERENCES indicator DEFERRABLE INITIALLY DEFERRED,
    denominator  text REFERENCES indicator DEFERRABLE INITIALLY DEFERRED,
    frequency    text NOT NULL CHECK (frequency IN ('maaned', 'kvartal', 'aar')),
    decimals     integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 10),
    batch_id     bigint REFERENCES import_batch,
    CHECK ((aggregation = 'ratio') = (numerator IS NOT NULL AND denominator IS NOT NULL)),
    CHECK (aggregation = 'ratio' OR (numerator IS NULL AND denominator IS NULL))
);

CREATE TABLE target (
    goal_id      text NOT NULL REFERENCES goal,
    indicator_id text NOT NULL REFERENCES indicator,
    year         integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    baseline     numeric,
    target       numeric,
    low          numeric,
    high         numeric,
    method       text CHECK (method IN ('ratio', 'progress')),
    profile      text NOT NULL DEFAULT 'flat' CHECK (profile IN ('flat', 'linear', 'custom')),
    q1           numeric,
    q2           numeric,
    q3           numeric,
    q4           numeric,
    weight       numeric NOT NULL DEFAULT 1 CHECK (weight >= 0),
    yellow       numeric CHECK (yellow BETWEEN 0 AND 100),
    batch_id     bigint REFERENCES import_batch,
    PRIMARY KEY (goal_id, indicator_id, year)
);
CREATE INDEX target_year ON target (year, goal_id);

-- --------------------------------------------------------------------- data

-- A period is stored by its canonical name ('2026-03', '2026-Q3', '2026')
-- and, for the rollup, by its year and first and last month.
CREATE TABLE measurement (
    indicator_id text NOT NULL REFERENCES indicator,
    unit_id      text NOT NULL REFERENCES unit,
    period       text NOT NULL,
    year         integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    first_month  smallint NOT NULL CHECK (first_month BETWEEN 1 AND 12),
    last_month   smallint NOT NULL CHECK (last_month BETWEEN first_month AND 12),
    value        numeric,
    batch_id     bigint NOT NULL, -- not a foreign key: one check less per row;
                                  -- lis batch rm removes a batch's rows itself
    PRIMARY KEY (indicator_id, unit_id, period)
);
CREATE INDEX measurement_rollup ON measurement (year, indicator_id, unit_id);
CREATE INDEX measurement_batch ON measurement (batch_id);

-- The value a later batch replaced, with the batch that replaced it ("lis
-- batch rm" of the replacing batch puts it back).
CREATE TABLE measurement_history (
    indicator_id  text NOT NULL,
    unit_id       text NOT NULL,
    period        text NOT NULL,
    year          integer NOT NULL,
    first_month   smallint NOT NULL,
    last_month    smallint NOT NULL,
    value         numeric,
    batch_id      bigint NOT NULL,
    replaced_by   bigint NOT NULL REFERENCES import_batch ON DELETE CASCADE,
    replaced_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measurement_history_key ON measurement_history (indicator_id, unit_id, period);

-- Budget lines have no key: a batch appends them and "lis batch rm" removes
-- exactly its rows. month is NULL for a yearly row (spread 1/12 by the rollup).
-- Economy-system exports run to millions of lines, so the table is kept cheap
-- to append to: batch_id is not a foreign key (lis batch rm deletes the lines
-- itself) and the indexes are BRIN, which cost next to nothing per row and
-- suit a table that grows batch by batch (a B-tree index and the foreign-key
-- check each made a 1,000,000-line import several times slower).
CREATE TABLE budget_line (
    batch_id        bigint NOT NULL,
    line_no         integer NOT NULL,
    year            integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    month           smallint CHECK (month BETWEEN 1 AND 12),
    cost_centre     text NOT NULL,
    function        text NOT NULL,
    account         text NOT NULL DEFAULT '',
    budget          numeric,
    actual          numeric,
    original_budget numeric
);
CREATE INDEX budget_line_year ON budget_line USING brin (year);
CREATE INDEX budget_line_batch ON budget_line USING brin (batch_id);

CREATE TABLE goal_status (
    goal_id     text NOT NULL REFERENCES goal,
    period      text NOT NULL,
    year        integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    first_month smallint NOT NULL CHECK (first_month BETWEEN 1 AND 12),
    last_month  smallint NOT NULL CHECK (last_month BETWEEN first_month AND 12),
    status      text NOT NULL CHECK (status IN ('opfyldt', 'paa-sporet', 'delvist',
                    'forsinket', 'ikke-opfyldt', 'ikke-startet')),
    comment     text,
    author      text,
    batch_id    bigint REFERENCES import_batch,
    PRIMARY KEY (goal_id, period)
);

CREATE TABLE transfer (
    transfer_id      text PRIMARY KEY CHECK (transfer_id <> ''),
    date             date NOT NULL,
    from_cost_centre text NOT NULL,
    from_function    text NOT NULL,
    to_cost_centre   text NOT NULL,
    to_function      text NOT NULL,
    amount           numeric NOT NULL,
    note             text,
    batch_id         bigint REFERENCES import_batch
);

-- ------------------------------------------------------------------- rollup

-- The 29 windows of a year (SPEC section 3): kind M (each month), Q (each
-- quarter), Y (the year) and T (year to date to each month), with first and
-- last month and the canonical name ('2026-03', '2026-Q1', '2026',
-- '2026-YTD-03'). The rollup queries start from it.
CREATE FUNCTION year_windows(y integer)
RETURNS TABLE (kind char(1), wf integer, wl integer, name text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 29
AS $$
    SELECT 'M'::char(1), m, m, y || '-' || lpad(m::text, 2, '0') FROM generate_series(1, 12) m
    UNION ALL
    SELECT 'Q', 3 * q - 2, 3 * q, y || '-Q' || q FROM generate_series(1, 4) q
    UNION ALL
    SELECT 'Y', 1, 12, y::text
    UNION ALL
    SELECT 'T', 1, m, y || '-YTD-' || lpad(m::text, 2, '0') FROM generate_series(1, 12) m
$$;
-- Written by "lis rollup" (one transaction per year, replacing that year's
-- rows); read by every report and by "lis show". window is the canonical
-- window name: '2026-03', '2026-Q1', '2026', '2026-YTD-03'. Key columns use
-- the C collation: ids compare as written (byte order), and index upkeep of
-- some 300,000 rows a rollup stays cheap.

CREATE TABLE rollup_indicator (
    year         integer NOT NULL,
    agreement_id text COLLATE "C" NOT NULL,
    goal_id      text COLLATE "C" NOT NULL,
    indicator_id text COLLATE "C" NOT NULL,
    window_name  text COLLATE "C" NOT NULL,
    window_kind  char(1) NOT NULL CHECK (window_kind IN ('M', 'Q', 'Y', 'T')),
    first_month  smallint NOT NULL,
    last_month   smallint NOT NULL,
    actual       numeric,
    target       numeric,
    attainment   numeric,
    status       text NOT NULL CHECK (status IN ('green', 'yellow', 'red', 'grey', 'not_due')),
    weight       numeric NOT NULL DEFAULT 1,  -- the target row's weight, for the goal
    owner_id     text COLLATE "C" NOT NULL,               -- the agreement owning the goal (shared goals)
    -- one index serves both the year's replacement and lis show by window
    PRIMARY KEY (year, window_name, agreement_id, goal_id, indicator_id)
);

CREATE TABLE rollup_goal (
    year         integer NOT NULL,
    agreement_id text COLLATE "C" NOT NULL,
    goal_id      text COLLATE "C" NOT NULL,
    window_name  text COLLATE "C" NOT NULL,
    window_kind  char(1) NOT NULL CHECK (window_kind IN ('M', 'Q', 'Y', 'T')),
    first_month  smallint NOT NULL,
    last_month   smallint NOT NULL,
    attainment   numeric,
    status       text NOT NULL CHECK (status IN ('green', 'yellow', 'red', 'grey', 'not_due')),
    qualitative  boolean NOT NULL DEFAULT false,
    comment      text,   -- the latest qualitative status comment as of the window
    owner_id     text COLLATE "C" NOT NULL,
    PRIMARY KEY (year, window_name, agreement_id, goal_id)
);

CREATE TABLE rollup_economy (
    year            integer NOT NULL,
    agreement_id    text COLLATE "C" NOT NULL,
    window_name     text COLLATE "C" NOT NULL,
    window_kind     char(1) NOT NULL CHECK (window_kind IN ('M', 'Q', 'Y', 'T')),
    first_month     smallint NOT NULL,
    last_month      smallint NOT NULL,
    annual_budget   numeric NOT NULL,
    budget          numeric NOT NULL,
    actual          numeric NOT NULL,
    budget_ytd      numeric NOT NULL,
    actual_ytd      numeric NOT NULL,
    consumption_pct numeric,
    expected_pct    numeric,
    deviation       numeric NOT NULL,
    forecast        numeric,
    status          text NOT NULL CHECK (status IN ('green', 'yellow', 'red', 'grey')),
    PRIMARY KEY (year, window_name, agreement_id)
);

-- The council's economy, computed from the budget lines themselves (not by
-- adding agreements up): one row per window and
--   level 'policy_area'   policy_area and its service_frame (a function missing
--                         from accounts: '(ukendt funktion)', service_frame NULL)
--   level 'service_frame' service_frame true/false (NULL: unknown function)
--   level 'unallocated'   lines on cost centres with no known unit (ikke-fordelt)
--   level 'total'         every budget line of the year
-- The figures follow rollup_economy (YTD from January to the window's end).
CREATE TABLE rollup_economy_area (
    year            integer NOT NULL,
    window_name     text COLLATE "C" NOT NULL,
    window_kind     char(1) NOT NULL CHECK (window_kind IN ('M', 'Q', 'Y', 'T')),
    first_month     smallint NOT NULL,
    last_month      smallint NOT NULL,
    level           text NOT NULL CHECK (level IN ('policy_area', 'service_frame',
                        'unallocated', 'total')),
    policy_area     text COLLATE "C" NOT NULL,
    service_frame   boolean,
    unallocated     boolean NOT NULL,
    annual_budget   numeric NOT NULL,
    budget          numeric NOT NULL,
    actual          numeric NOT NULL,
    budget_ytd      numeric NOT NULL,
    actual_ytd      numeric NOT NULL,
    consumption_pct numeric,
    expected_pct    numeric,
    deviation       numeric NOT NULL,
    forecast        numeric
);
CREATE INDEX rollup_economy_area_window ON rollup_economy_area (year, window_name);

-- Transfers dated in the year, with their flags; flags are joined by '|' in
-- the order of severity, verdict is the most severe ('' when none).
CREATE TABLE rollup_transfer (
    year                integer NOT NULL,
    transfer_id         text COLLATE "C" NOT NULL,
    cross_policy_area   boolean NOT NULL,
    cross_service_frame boolean NOT NULL,
    within_agreement    boolean NOT NULL,
    unknown_function    boolean NOT NULL,
    verdict             text NOT NULL,
    flags               text NOT NULL,
    PRIMARY KEY (year, transfer_id)
);
