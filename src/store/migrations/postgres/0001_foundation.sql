-- onestory schema 1: accounts, survivors, cases, the audit chain.
-- PostgreSQL twin of sqlite/0001_foundation.sql: the same tables, columns,
-- keys and indexes. SQLite INTEGER is BIGINT here and BLOB is BYTEA; text is
-- COLLATE "C" so that comparison, ordering (keyset paging) and LOWER() behave
-- byte for byte as on SQLite, whatever locale the database was created with.
-- Protected fields are BYTEA sealed by the application; the database never
-- sees their plaintext. Instants are integer microseconds since the epoch (UTC).

CREATE TABLE system_keys (
    name        TEXT COLLATE "C" PRIMARY KEY,  -- 'audit', 'blind_index'
    wrapped     BYTEA NOT NULL,                -- sealed by the master key
    created_at  BIGINT NOT NULL
);

CREATE TABLE agencies (
    id          TEXT COLLATE "C" PRIMARY KEY,
    name        TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    country     TEXT COLLATE "C" NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    version     BIGINT NOT NULL
);
CREATE UNIQUE INDEX agencies_name ON agencies (name);

CREATE TABLE staff (
    id             TEXT COLLATE "C" PRIMARY KEY,
    agency_id      TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    username       TEXT COLLATE "C" NOT NULL,
    display_name   TEXT COLLATE "C" NOT NULL,
    password_hash  TEXT COLLATE "C" NOT NULL,
    roles          TEXT COLLATE "C" NOT NULL,  -- comma-joined role names
    active         BIGINT NOT NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    version        BIGINT NOT NULL
);
CREATE UNIQUE INDEX staff_username ON staff (username);
CREATE INDEX staff_agency ON staff (agency_id);

-- Consecutive failed logins per username, known or not, so that unknown
-- usernames are throttled exactly like real ones.
CREATE TABLE login_throttle (
    username_key   TEXT COLLATE "C" PRIMARY KEY,  -- BLAKE2b of the lower-cased username
    failures       BIGINT NOT NULL,
    locked_until   BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash     TEXT COLLATE "C" PRIMARY KEY,  -- BLAKE2b of the bearer token
    principal_kind TEXT COLLATE "C" NOT NULL,     -- 'staff' or 'survivor'
    principal_id   TEXT COLLATE "C" NOT NULL,
    csrf_hash      TEXT COLLATE "C" NOT NULL,
    created_at     BIGINT NOT NULL,
    last_seen_at   BIGINT NOT NULL
);
CREATE INDEX sessions_principal ON sessions (principal_id);

CREATE TABLE survivors (
    id                 TEXT COLLATE "C" PRIMARY KEY,
    agency_id          TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    registered_by      TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    code_name          TEXT COLLATE "C" NOT NULL,
    data_key           BYTEA NOT NULL,      -- the survivor's data key, wrapped by the master key
    legal_name         BYTEA NOT NULL,      -- sealed
    birth_date         BYTEA,               -- sealed
    contact            BYTEA,               -- sealed
    address            BYTEA,               -- sealed
    gender             TEXT COLLATE "C",
    languages          TEXT COLLATE "C" NOT NULL,
    nationality        TEXT COLLATE "C",
    age_band           TEXT COLLATE "C",
    match_index        TEXT COLLATE "C",    -- blind index of name + birth date
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    version            BIGINT NOT NULL
);
CREATE INDEX survivors_agency ON survivors (agency_id, created_at);
CREATE INDEX survivors_match ON survivors (match_index);

CREATE TABLE cases (
    id                 TEXT COLLATE "C" PRIMARY KEY,
    survivor_id        TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id          TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    opened_by          TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    stage              TEXT COLLATE "C" NOT NULL,
    status             TEXT COLLATE "C" NOT NULL,
    exploitation_types TEXT COLLATE "C" NOT NULL,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    version            BIGINT NOT NULL
);
CREATE INDEX cases_survivor ON cases (survivor_id);
CREATE INDEX cases_agency ON cases (agency_id, created_at);

CREATE TABLE case_team (
    case_id     TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    staff_id    TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    case_role   TEXT COLLATE "C" NOT NULL,
    added_by    TEXT COLLATE "C" NOT NULL,
    added_at    BIGINT NOT NULL,
    PRIMARY KEY (case_id, staff_id)
);
CREATE INDEX case_team_staff ON case_team (staff_id);

-- Append-only: the application never updates or deletes a row. Each event's
-- hash is a MAC (keyed by the audit key) over its fields and the previous
-- event's hash, so any edit, deletion or reordering breaks the chain.
-- Appends are serialised across processes by an advisory lock.
CREATE TABLE audit_events (
    seq              BIGINT PRIMARY KEY,
    id               TEXT COLLATE "C" NOT NULL,
    at               BIGINT NOT NULL,
    actor_kind       TEXT COLLATE "C" NOT NULL,
    actor_id         TEXT COLLATE "C" NOT NULL,
    actor_agency_id  TEXT COLLATE "C" NOT NULL,
    action           TEXT COLLATE "C" NOT NULL,
    outcome          TEXT COLLATE "C" NOT NULL,
    resource_kind    TEXT COLLATE "C" NOT NULL,
    resource_id      TEXT COLLATE "C" NOT NULL,
    survivor_id      TEXT COLLATE "C" NOT NULL,
    case_id          TEXT COLLATE "C" NOT NULL,
    fields           TEXT COLLATE "C" NOT NULL,
    purpose          TEXT COLLATE "C" NOT NULL,
    reason           TEXT COLLATE "C" NOT NULL,
    detail           TEXT COLLATE "C" NOT NULL,
    prev_hash        BYTEA NOT NULL,
    hash             BYTEA NOT NULL
);
CREATE INDEX audit_survivor ON audit_events (survivor_id, seq);
CREATE INDEX audit_case ON audit_events (case_id, seq);

-- The newest link of the chain, MAC'd, kept in step with every append so
-- that deleting events from the end of the chain is detected too.
CREATE TABLE audit_head (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    seq     BIGINT NOT NULL,
    hash    BYTEA NOT NULL,
    mac     BYTEA NOT NULL
);
