-- PostgreSQL mirror of sqlite/0002_tell_once.sql: BIGINT for INTEGER, BYTEA for
-- BLOB, and byte-order ("C") collation so ordering matches SQLite.
-- onestory schema 2: tell it once. Consents, venues, survivor preferences,
-- interviews, the survivor's statement (passages, their versions and the
-- survivor's comments), disclosures, break-glass grants and alerts.
-- Free text written about a survivor is sealed with that survivor's data key
-- (BLOB columns marked "sealed"); enumerations and ids are plain.

-- A grant by the survivor (or their guardian) to share parts of their record
-- with one agency for one purpose, until valid_until or until revoked.
CREATE TABLE consents (
    id                   TEXT COLLATE "C" PRIMARY KEY,
    survivor_id          TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id            TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),   -- the agency that recorded it (owns the survivor)
    recipient_agency_id  TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    purpose              TEXT COLLATE "C" NOT NULL,
    topics               TEXT COLLATE "C" NOT NULL,          -- comma-joined statement topics
    categories           TEXT COLLATE "C" NOT NULL,          -- comma-joined record categories
    valid_from           BIGINT NOT NULL,
    valid_until          BIGINT NOT NULL,
    given_as             TEXT COLLATE "C" NOT NULL,
    witnessed_by         BYTEA,                   -- sealed
    consent_text_version TEXT COLLATE "C" NOT NULL,
    language             TEXT COLLATE "C" NOT NULL,
    guardian             BYTEA,                   -- sealed
    child_assent         BIGINT,                -- 0/1, NULL when not asked
    recorded_by          TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at           BIGINT NOT NULL,
    revoked_at           BIGINT,
    revoked_by           TEXT COLLATE "C",
    revoke_reason        BYTEA,                   -- sealed
    version              BIGINT NOT NULL
);
CREATE INDEX consents_survivor ON consents (survivor_id, created_at);
CREATE INDEX consents_recipient ON consents (recipient_agency_id, survivor_id);

-- Rooms where interviews are held, with their safety features.
CREATE TABLE venues (
    id          TEXT COLLATE "C" PRIMARY KEY,
    agency_id   TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    name        TEXT COLLATE "C" NOT NULL,
    features    TEXT COLLATE "C" NOT NULL,                   -- comma-joined
    created_by  TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at  BIGINT NOT NULL,
    version     BIGINT NOT NULL
);
CREATE INDEX venues_agency ON venues (agency_id, created_at);

-- What the survivor asked for in interviews; shown with every interview plan.
-- Changes bump the survivor's version.
CREATE TABLE survivor_preferences (
    survivor_id           TEXT COLLATE "C" PRIMARY KEY REFERENCES survivors (id),
    interviewer_gender    TEXT COLLATE "C",
    interpreter_language  TEXT COLLATE "C",
    children              TEXT COLLATE "C",
    support_person        BYTEA,                  -- sealed
    breaks                BYTEA,                  -- sealed
    notes                 BYTEA,                  -- sealed
    updated_at            BIGINT NOT NULL
);

CREATE TABLE interviews (
    id                        TEXT COLLATE "C" PRIMARY KEY,
    case_id                   TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id               TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id                 TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    purpose                   TEXT COLLATE "C" NOT NULL,
    topics                    TEXT COLLATE "C" NOT NULL,     -- comma-joined planned topics
    reask_topics              TEXT COLLATE "C" NOT NULL,     -- planned topics already on record when planned
    reask_reason              BYTEA,              -- sealed
    scheduled_at              BIGINT NOT NULL,
    venue_id                  TEXT COLLATE "C" REFERENCES venues (id),
    interviewer_id            TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    acc_support_person        BIGINT NOT NULL,
    acc_children              TEXT COLLATE "C" NOT NULL,
    acc_interpreter_language  TEXT COLLATE "C",
    acc_interviewer_gender    TEXT COLLATE "C",
    acc_breaks                BIGINT NOT NULL,
    topics_shared_at          BIGINT,
    survivor_acknowledged     BIGINT NOT NULL,
    started_at                BIGINT,
    ended_at                  BIGINT,
    debriefed_at              BIGINT,
    debrief_notes             BYTEA,              -- sealed
    recording_sha256          TEXT COLLATE "C",
    recording_set_by          TEXT COLLATE "C",
    recording_set_at          BIGINT,
    created_by                TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at                BIGINT NOT NULL,
    updated_at                BIGINT NOT NULL,
    version                   BIGINT NOT NULL
);
CREATE INDEX interviews_case ON interviews (case_id, created_at);
CREATE INDEX interviews_survivor ON interviews (survivor_id);

-- One version of one passage of the survivor's statement. The text never
-- changes: a correction is a new row (version + 1) that supersedes the old,
-- which stays for the record. chain_id is the id of the first version.
CREATE TABLE passages (
    id             TEXT COLLATE "C" PRIMARY KEY,
    chain_id       TEXT COLLATE "C" NOT NULL,
    case_id        TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id    TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id      TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    interview_id   TEXT COLLATE "C" NOT NULL REFERENCES interviews (id),
    topic          TEXT COLLATE "C" NOT NULL,
    sensitivity    TEXT COLLATE "C" NOT NULL,
    text           BYTEA NOT NULL,                -- sealed
    version        BIGINT NOT NULL,
    review_status  TEXT COLLATE "C" NOT NULL,
    reviewed_by    TEXT COLLATE "C",
    reviewed_at    BIGINT,
    supersedes     TEXT COLLATE "C",
    superseded_by  TEXT COLLATE "C",
    created_by     TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at     BIGINT NOT NULL
);
CREATE UNIQUE INDEX passages_chain_version ON passages (chain_id, version);
CREATE INDEX passages_case ON passages (case_id, created_at);
CREATE INDEX passages_survivor_topic ON passages (survivor_id, topic);

-- The survivor's comments on a passage; they travel with every later version.
CREATE TABLE passage_comments (
    id           TEXT COLLATE "C" PRIMARY KEY,
    chain_id     TEXT COLLATE "C" NOT NULL,
    passage_id   TEXT COLLATE "C" NOT NULL REFERENCES passages (id),
    survivor_id  TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    comment      BYTEA NOT NULL,                  -- sealed
    recorded_by  TEXT COLLATE "C" NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX passage_comments_chain ON passage_comments (chain_id, created_at);

-- A release of passages and record categories to another agency, made under
-- one live consent. Readable by the recipient while that consent is live.
CREATE TABLE disclosures (
    id                   TEXT COLLATE "C" PRIMARY KEY,
    case_id              TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id          TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id            TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    recipient_agency_id  TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    purpose              TEXT COLLATE "C" NOT NULL,
    consent_id           TEXT COLLATE "C" NOT NULL REFERENCES consents (id),
    categories           TEXT COLLATE "C" NOT NULL,
    created_by           TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at           BIGINT NOT NULL
);
CREATE INDEX disclosures_case ON disclosures (case_id, created_at);
CREATE INDEX disclosures_recipient ON disclosures (recipient_agency_id, created_at);

CREATE TABLE disclosure_passages (
    disclosure_id  TEXT COLLATE "C" NOT NULL REFERENCES disclosures (id),
    chain_id       TEXT COLLATE "C" NOT NULL,
    passage_id     TEXT COLLATE "C" NOT NULL REFERENCES passages (id),   -- the version disclosed
    topic          TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (disclosure_id, chain_id)
);

-- An emergency read of one case outside the rules, for a limited time.
CREATE TABLE break_glass (
    id           TEXT COLLATE "C" PRIMARY KEY,
    case_id      TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id  TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id    TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),   -- the agency owning the case
    staff_id     TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    reason       BYTEA NOT NULL,                  -- sealed
    granted_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX break_glass_case_staff ON break_glass (case_id, staff_id, expires_at);

-- Something a person should look at. One table for every kind: the audience
-- is a role within an agency (e.g. its supervisors) and/or one staff member;
-- dedupe_key keeps a recurring condition from raising the same alert twice.
CREATE TABLE alerts (
    id                 TEXT COLLATE "C" PRIMARY KEY,
    kind               TEXT COLLATE "C" NOT NULL,
    agency_id          TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    audience_role      TEXT COLLATE "C",
    audience_staff_id  TEXT COLLATE "C",
    case_id            TEXT COLLATE "C",
    survivor_id        TEXT COLLATE "C",
    subject_id         TEXT COLLATE "C",                     -- the record the alert is about
    subject_staff_id   TEXT COLLATE "C",                     -- the person the alert is about
    due_at             BIGINT,
    dedupe_key         TEXT COLLATE "C" UNIQUE,
    status             TEXT COLLATE "C" NOT NULL,            -- open, acknowledged
    created_at         BIGINT NOT NULL,
    acknowledged_at    BIGINT,
    acknowledged_by    TEXT COLLATE "C",
    version            BIGINT NOT NULL
);
CREATE INDEX alerts_agency ON alerts (agency_id, status, created_at);
CREATE INDEX alerts_staff ON alerts (audience_staff_id, status);
