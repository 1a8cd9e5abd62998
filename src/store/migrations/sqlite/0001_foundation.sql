-- onestory schema 1: accounts, survivors, cases, the audit chain.
-- Protected fields are BLOBs sealed by the application; the database never
-- sees their plaintext. Instants are integer microseconds since the epoch (UTC).

CREATE TABLE system_keys (
    name        TEXT PRIMARY KEY,          -- 'audit', 'blind_index'
    wrapped     BLOB NOT NULL,             -- sealed by the master key
    created_at  INTEGER NOT NULL
);

CREATE TABLE agencies (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX agencies_name ON agencies (name);

CREATE TABLE staff (
    id             TEXT PRIMARY KEY,
    agency_id      TEXT NOT NULL REFERENCES agencies (id),
    username       TEXT NOT NULL,
    display_name   TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    roles          TEXT NOT NULL,          -- comma-joined role names
    active         INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    version        INTEGER NOT NULL
);
CREATE UNIQUE INDEX staff_username ON staff (username);
CREATE INDEX staff_agency ON staff (agency_id);

-- Consecutive failed logins per username, known or not, so that unknown
-- usernames are throttled exactly like real ones.
CREATE TABLE login_throttle (
    username_key   TEXT PRIMARY KEY,       -- BLAKE2b of the lower-cased username
    failures       INTEGER NOT NULL,
    locked_until   INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash     TEXT PRIMARY KEY,       -- BLAKE2b of the bearer token
    principal_kind TEXT NOT NULL,          -- 'staff' or 'survivor'
    principal_id   TEXT NOT NULL,
    csrf_hash      TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    last_seen_at   INTEGER NOT NULL
);
CREATE INDEX sessions_principal ON sessions (principal_id);

CREATE TABLE survivors (
    id                 TEXT PRIMARY KEY,
    agency_id          TEXT NOT NULL REFERENCES agencies (id),
    registered_by      TEXT NOT NULL REFERENCES staff (id),
    code_name          TEXT NOT NULL,
    data_key           BLOB NOT NULL,      -- the survivor's data key, wrapped by the master key
    legal_name         BLOB NOT NULL,      -- sealed
    birth_date         BLOB,               -- sealed
    contact            BLOB,               -- sealed
    address            BLOB,               -- sealed
    gender             TEXT,
    languages          TEXT NOT NULL,
    nationality        TEXT,
    age_band           TEXT,
    match_index        TEXT,               -- blind index of name + birth date
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    version            INTEGER NOT NULL
);
CREATE INDEX survivors_agency ON survivors (agency_id, created_at);
CREATE INDEX survivors_match ON survivors (match_index);

CREATE TABLE cases (
    id                 TEXT PRIMARY KEY,
    survivor_id        TEXT NOT NULL REFERENCES survivors (id),
    agency_id          TEXT NOT NULL REFERENCES agencies (id),
    opened_by          TEXT NOT NULL REFERENCES staff (id),
    stage              TEXT NOT NULL,
    status             TEXT NOT NULL,
    exploitation_types TEXT NOT NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    version            INTEGER NOT NULL
);
CREATE INDEX cases_survivor ON cases (survivor_id);
CREATE INDEX cases_agency ON cases (agency_id, created_at);

CREATE TABLE case_team (
    case_id     TEXT NOT NULL REFERENCES cases (id),
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    case_role   TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    added_at    INTEGER NOT NULL,
    PRIMARY KEY (case_id, staff_id)
);
CREATE INDEX case_team_staff ON case_team (staff_id);

-- Append-only: the application never updates or deletes a row. Each event's
-- hash is a MAC (keyed by the audit key) over its fields and the previous
-- event's hash, so any edit, deletion or reordering breaks the chain.
CREATE TABLE audit_events (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL,
    at               INTEGER NOT NULL,
    actor_kind       TEXT NOT NULL,
    actor_id         TEXT NOT NULL,
    actor_agency_id  TEXT NOT NULL,
    action           TEXT NOT NULL,
    outcome          TEXT NOT NULL,
    resource_kind    TEXT NOT NULL,
    resource_id      TEXT NOT NULL,
    survivor_id      TEXT NOT NULL,
    case_id          TEXT NOT NULL,
    fields           TEXT NOT NULL,
    purpose          TEXT NOT NULL,
    reason           TEXT NOT NULL,
    detail           TEXT NOT NULL,
    prev_hash        BLOB NOT NULL,
    hash             BLOB NOT NULL
);
CREATE INDEX audit_survivor ON audit_events (survivor_id, seq);
CREATE INDEX audit_case ON audit_events (case_id, seq);

-- The newest link of the chain, MAC'd, kept in step with every append so
-- that deleting events from the end of the chain is detected too.
CREATE TABLE audit_head (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    seq     INTEGER NOT NULL,
    hash    BLOB NOT NULL,
    mac     BLOB NOT NULL
);
