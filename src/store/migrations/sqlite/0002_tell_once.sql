-- onestory schema 2: tell it once. Consents, venues, survivor preferences,
-- interviews, the survivor's statement (passages, their versions and the
-- survivor's comments), disclosures, break-glass grants and alerts.
-- Free text written about a survivor is sealed with that survivor's data key
-- (BLOB columns marked "sealed"); enumerations and ids are plain.

-- A grant by the survivor (or their guardian) to share parts of their record
-- with one agency for one purpose, until valid_until or until revoked.
CREATE TABLE consents (
    id                   TEXT PRIMARY KEY,
    survivor_id          TEXT NOT NULL REFERENCES survivors (id),
    agency_id            TEXT NOT NULL REFERENCES agencies (id),   -- the agency that recorded it (owns the survivor)
    recipient_agency_id  TEXT NOT NULL REFERENCES agencies (id),
    purpose              TEXT NOT NULL,
    topics               TEXT NOT NULL,          -- comma-joined statement topics
    categories           TEXT NOT NULL,          -- comma-joined record categories
    valid_from           INTEGER NOT NULL,
    valid_until          INTEGER NOT NULL,
    given_as             TEXT NOT NULL,
    witnessed_by         BLOB,                   -- sealed
    consent_text_version TEXT NOT NULL,
    language             TEXT NOT NULL,
    guardian             BLOB,                   -- sealed
    child_assent         INTEGER,                -- 0/1, NULL when not asked
    recorded_by          TEXT NOT NULL REFERENCES staff (id),
    created_at           INTEGER NOT NULL,
    revoked_at           INTEGER,
    revoked_by           TEXT,
    revoke_reason        BLOB,                   -- sealed
    version              INTEGER NOT NULL
);
CREATE INDEX consents_survivor ON consents (survivor_id, created_at);
CREATE INDEX consents_recipient ON consents (recipient_agency_id, survivor_id);

-- Rooms where interviews are held, with their safety features.
CREATE TABLE venues (
    id          TEXT PRIMARY KEY,
    agency_id   TEXT NOT NULL REFERENCES agencies (id),
    name        TEXT NOT NULL,
    features    TEXT NOT NULL,                   -- comma-joined
    created_by  TEXT NOT NULL REFERENCES staff (id),
    created_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL
);
CREATE INDEX venues_agency ON venues (agency_id, created_at);

-- What the survivor asked for in interviews; shown with every interview plan.
-- Changes bump the survivor's version.
CREATE TABLE survivor_preferences (
    survivor_id           TEXT PRIMARY KEY REFERENCES survivors (id),
    interviewer_gender    TEXT,
    interpreter_language  TEXT,
    children              TEXT,
    support_person        BLOB,                  -- sealed
    breaks                BLOB,                  -- sealed
    notes                 BLOB,                  -- sealed
    updated_at            INTEGER NOT NULL
);

CREATE TABLE interviews (
    id                        TEXT PRIMARY KEY,
    case_id                   TEXT NOT NULL REFERENCES cases (id),
    survivor_id               TEXT NOT NULL REFERENCES survivors (id),
    agency_id                 TEXT NOT NULL REFERENCES agencies (id),
    purpose                   TEXT NOT NULL,
    topics                    TEXT NOT NULL,     -- comma-joined planned topics
    reask_topics              TEXT NOT NULL,     -- planned topics already on record when planned
    reask_reason              BLOB,              -- sealed
    scheduled_at              INTEGER NOT NULL,
    venue_id                  TEXT REFERENCES venues (id),
    interviewer_id            TEXT NOT NULL REFERENCES staff (id),
    acc_support_person        INTEGER NOT NULL,
    acc_children              TEXT NOT NULL,
    acc_interpreter_language  TEXT,
    acc_interviewer_gender    TEXT,
    acc_breaks                INTEGER NOT NULL,
    topics_shared_at          INTEGER,
    survivor_acknowledged     INTEGER NOT NULL,
    started_at                INTEGER,
    ended_at                  INTEGER,
    debriefed_at              INTEGER,
    debrief_notes             BLOB,              -- sealed
    recording_sha256          TEXT,
    recording_set_by          TEXT,
    recording_set_at          INTEGER,
    created_by                TEXT NOT NULL REFERENCES staff (id),
    created_at                INTEGER NOT NULL,
    updated_at                INTEGER NOT NULL,
    version                   INTEGER NOT NULL
);
CREATE INDEX interviews_case ON interviews (case_id, created_at);
CREATE INDEX interviews_survivor ON interviews (survivor_id);

-- One version of one passage of the survivor's statement. The text never
-- changes: a correction is a new row (version + 1) that supersedes the old,
-- which stays for the record. chain_id is the id of the first version.
CREATE TABLE passages (
    id             TEXT PRIMARY KEY,
    chain_id       TEXT NOT NULL,
    case_id        TEXT NOT NULL REFERENCES cases (id),
    survivor_id    TEXT NOT NULL REFERENCES survivors (id),
    agency_id      TEXT NOT NULL REFERENCES agencies (id),
    interview_id   TEXT NOT NULL REFERENCES interviews (id),
    topic          TEXT NOT NULL,
    sensitivity    TEXT NOT NULL,
    text           BLOB NOT NULL,                -- sealed
    version        INTEGER NOT NULL,
    review_status  TEXT NOT NULL,
    reviewed_by    TEXT,
    reviewed_at    INTEGER,
    supersedes     TEXT,
    superseded_by  TEXT,
    created_by     TEXT NOT NULL REFERENCES staff (id),
    created_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX passages_chain_version ON passages (chain_id, version);
CREATE INDEX passages_case ON passages (case_id, created_at);
CREATE INDEX passages_survivor_topic ON passages (survivor_id, topic);

-- The survivor's comments on a passage; they travel with every later version.
CREATE TABLE passage_comments (
    id           TEXT PRIMARY KEY,
    chain_id     TEXT NOT NULL,
    passage_id   TEXT NOT NULL REFERENCES passages (id),
    survivor_id  TEXT NOT NULL REFERENCES survivors (id),
    comment      BLOB NOT NULL,                  -- sealed
    recorded_by  TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX passage_comments_chain ON passage_comments (chain_id, created_at);

-- A release of passages and record categories to another agency, made under
-- one live consent. Readable by the recipient while that consent is live.
CREATE TABLE disclosures (
    id                   TEXT PRIMARY KEY,
    case_id              TEXT NOT NULL REFERENCES cases (id),
    survivor_id          TEXT NOT NULL REFERENCES survivors (id),
    agency_id            TEXT NOT NULL REFERENCES agencies (id),
    recipient_agency_id  TEXT NOT NULL REFERENCES agencies (id),
    purpose              TEXT NOT NULL,
    consent_id           TEXT NOT NULL REFERENCES consents (id),
    categories           TEXT NOT NULL,
    created_by           TEXT NOT NULL REFERENCES staff (id),
    created_at           INTEGER NOT NULL
);
CREATE INDEX disclosures_case ON disclosures (case_id, created_at);
CREATE INDEX disclosures_recipient ON disclosures (recipient_agency_id, created_at);

CREATE TABLE disclosure_passages (
    disclosure_id  TEXT NOT NULL REFERENCES disclosures (id),
    chain_id       TEXT NOT NULL,
    passage_id     TEXT NOT NULL REFERENCES passages (id),   -- the version disclosed
    topic          TEXT NOT NULL,
    PRIMARY KEY (disclosure_id, chain_id)
);

-- An emergency read of one case outside the rules, for a limited time.
CREATE TABLE break_glass (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id),
    survivor_id  TEXT NOT NULL REFERENCES survivors (id),
    agency_id    TEXT NOT NULL REFERENCES agencies (id),   -- the agency owning the case
    staff_id     TEXT NOT NULL REFERENCES staff (id),
    reason       BLOB NOT NULL,                  -- sealed
    granted_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX break_glass_case_staff ON break_glass (case_id, staff_id, expires_at);

-- Something a person should look at. One table for every kind: the audience
-- is a role within an agency (e.g. its supervisors) and/or one staff member;
-- dedupe_key keeps a recurring condition from raising the same alert twice.
CREATE TABLE alerts (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    agency_id          TEXT NOT NULL REFERENCES agencies (id),
    audience_role      TEXT,
    audience_staff_id  TEXT,
    case_id            TEXT,
    survivor_id        TEXT,
    subject_id         TEXT,                     -- the record the alert is about
    subject_staff_id   TEXT,                     -- the person the alert is about
    due_at             INTEGER,
    dedupe_key         TEXT UNIQUE,
    status             TEXT NOT NULL,            -- open, acknowledged
    created_at         INTEGER NOT NULL,
    acknowledged_at    INTEGER,
    acknowledged_by    TEXT,
    version            INTEGER NOT NULL
);
CREATE INDEX alerts_agency ON alerts (agency_id, status, created_at);
CREATE INDEX alerts_staff ON alerts (audience_staff_id, status);
