-- onestory schema 4: the data lifecycle (erasure, retention, second factor).
-- (Versions 2 and 3 belong to other capabilities.)

-- Erasure requests and, once completed, the tombstone of an erased survivor:
-- the fact of the erasure, by whom and why (a reason code, never free text),
-- outlives every row of the survivor's data, so survivor_id has no foreign
-- key. requested_by and decided_by are staff ids, or empty for the system.
CREATE TABLE erasures (
    id            TEXT PRIMARY KEY,
    survivor_id   TEXT NOT NULL,
    agency_id     TEXT NOT NULL REFERENCES agencies (id),
    reason        TEXT NOT NULL,
    status        TEXT NOT NULL,           -- awaiting_approval, approved, completed, rejected
    requested_by  TEXT NOT NULL,
    requested_at  INTEGER NOT NULL,
    decided_by    TEXT NOT NULL,
    decided_at    INTEGER NOT NULL,        -- 0 until decided
    completed_at  INTEGER NOT NULL,        -- 0 until completed
    version       INTEGER NOT NULL
);
CREATE INDEX erasures_survivor ON erasures (survivor_id);
CREATE INDEX erasures_agency ON erasures (agency_id, requested_at);
-- At most one open request per survivor.
CREATE UNIQUE INDEX erasures_open ON erasures (survivor_id) WHERE status IN ('awaiting_approval', 'approved');

-- When a case was closed (0 while open): retention periods count from it.
ALTER TABLE cases ADD COLUMN closed_at INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET closed_at = updated_at WHERE status IN ('closed', 'closed_referred');
CREATE INDEX cases_closed ON cases (survivor_id, closed_at);

-- When each scheduled maintenance task (the daily retention purge) last ran.
CREATE TABLE maintenance_runs (
    name         TEXT PRIMARY KEY,
    last_run_at  INTEGER NOT NULL
);

-- A staff member's second factor: a TOTP secret wrapped by the master key
-- (key name "totp:<staff id>"), usable once confirmed with a first code.
-- last_step is the newest time step accepted, so that no code is used twice.
CREATE TABLE staff_totp (
    staff_id      TEXT PRIMARY KEY REFERENCES staff (id),
    secret        BLOB NOT NULL,
    confirmed_at  INTEGER NOT NULL,        -- 0 until confirmed
    last_step     INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
);

-- One-time recovery codes, each stored as a BLAKE2b hash keyed by its own salt.
CREATE TABLE staff_recovery_codes (
    staff_id   TEXT NOT NULL REFERENCES staff (id),
    salt       BLOB NOT NULL,
    hash       BLOB NOT NULL,
    used_at    INTEGER NOT NULL,           -- 0 until used
    PRIMARY KEY (staff_id, salt)
);

ALTER TABLE sessions ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
