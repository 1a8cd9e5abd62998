-- PostgreSQL mirror of sqlite/0005_impact.sql: BIGINT for INTEGER, BYTEA for
-- BLOB, and byte-order ("C") collation so ordering matches SQLite.
-- onestory schema 5: evidence of impact. Trafficking events (what the
-- HTCDS and CTDC exports describe), the training registry, and staff
-- wellbeing (exposure to traumatic material, debriefs, private check-ins
-- and the nudges they raise). Free text about a survivor is sealed with the
-- survivor's data key; a check-in's answers are sealed with the
-- installation's wellbeing key, so that only the staff member's own
-- session ever reads them.

-- One step of what happened to the survivor, in the HTCDS "historic
-- trafficking event" sense: where (country plain, place sealed), when, and,
-- for exploitation, its types and the means of control used.
CREATE TABLE trafficking_events (
    id                  TEXT COLLATE "C" PRIMARY KEY,
    case_id             TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id         TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id           TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    kind                TEXT COLLATE "C" NOT NULL,           -- recruitment, transit, exploitation
    country             TEXT COLLATE "C" NOT NULL,           -- ISO 3166-1 alpha-2; ZZ when unknown
    place               BYTEA,                    -- sealed: town or locality
    began_on            TEXT COLLATE "C",                    -- YYYY-MM-DD
    ended_on            TEXT COLLATE "C",
    exploitation_types  TEXT COLLATE "C" NOT NULL,           -- comma-joined
    means_of_control    TEXT COLLATE "C" NOT NULL,           -- comma-joined
    description         BYTEA,                    -- sealed
    recorded_by         TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at          BIGINT NOT NULL,
    version             BIGINT NOT NULL
);
CREATE INDEX trafficking_events_case ON trafficking_events (case_id, created_at);
CREATE INDEX trafficking_events_survivor ON trafficking_events (survivor_id);

-- A training course, owned by the agency that runs it.
CREATE TABLE training_courses (
    id            TEXT COLLATE "C" PRIMARY KEY,
    agency_id     TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    title         TEXT COLLATE "C" NOT NULL,
    curriculum    TEXT COLLATE "C" NOT NULL,
    minutes       BIGINT NOT NULL,              -- the course's length
    topics        TEXT COLLATE "C" NOT NULL,                 -- comma-joined keywords
    valid_months  BIGINT,                       -- how long a completion stays valid; NULL: no expiry
    created_by    TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    version       BIGINT NOT NULL
);
CREATE INDEX training_courses_created ON training_courses (created_at);

CREATE TABLE training_sessions (
    id                TEXT COLLATE "C" PRIMARY KEY,
    course_id         TEXT COLLATE "C" NOT NULL REFERENCES training_courses (id),
    agency_id         TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),   -- the course's agency
    held_on           TEXT COLLATE "C" NOT NULL,             -- YYYY-MM-DD
    place             TEXT COLLATE "C" NOT NULL,
    country           TEXT COLLATE "C" NOT NULL,
    trainer           TEXT COLLATE "C" NOT NULL,             -- the trainer's name as shown
    trainer_staff_id  TEXT COLLATE "C" REFERENCES staff (id),
    created_by        TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at        BIGINT NOT NULL,
    version           BIGINT NOT NULL
);
CREATE INDEX training_sessions_course ON training_sessions (course_id, created_at);

-- A professional who took part in a session. Participants need not be
-- onestory users; when one is (staff_id), a valid completion counts for
-- the trainings a setting can require.
CREATE TABLE training_participants (
    id              TEXT COLLATE "C" PRIMARY KEY,
    session_id      TEXT COLLATE "C" NOT NULL REFERENCES training_sessions (id),
    course_id       TEXT COLLATE "C" NOT NULL REFERENCES training_courses (id),
    held_on         TEXT COLLATE "C" NOT NULL,               -- the session's date, for reports by year
    name            TEXT COLLATE "C" NOT NULL,
    profession      TEXT COLLATE "C" NOT NULL,
    agency_id       TEXT COLLATE "C" REFERENCES agencies (id),
    agency_name     TEXT COLLATE "C" NOT NULL,
    country         TEXT COLLATE "C" NOT NULL,
    staff_id        TEXT COLLATE "C" REFERENCES staff (id),
    completed       BIGINT NOT NULL,
    completed_on    TEXT COLLATE "C",
    certificate_id  TEXT COLLATE "C",
    expires_on      TEXT COLLATE "C",
    created_by      TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    version         BIGINT NOT NULL
);
CREATE INDEX training_participants_session ON training_participants (session_id, created_at);
CREATE INDEX training_participants_staff ON training_participants (staff_id);
CREATE UNIQUE INDEX training_participants_certificate ON training_participants (certificate_id);

-- Time a staff member spent with traumatic material. `week` is the Monday
-- of on_date's ISO week, so weekly totals need no date arithmetic in SQL.
CREATE TABLE staff_exposures (
    id          TEXT COLLATE "C" PRIMARY KEY,
    staff_id    TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    agency_id   TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    on_date     TEXT COLLATE "C" NOT NULL,
    week        TEXT COLLATE "C" NOT NULL,
    minutes     BIGINT NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,                   -- interview, evidence_review, hearing, other
    created_at  BIGINT NOT NULL
);
CREATE INDEX staff_exposures_staff ON staff_exposures (staff_id, created_at);
CREATE INDEX staff_exposures_agency_week ON staff_exposures (agency_id, week);

-- A debrief the staff member logged themself (an interview's debrief counts too).
CREATE TABLE staff_debriefs (
    id          TEXT COLLATE "C" PRIMARY KEY,
    staff_id    TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    agency_id   TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    on_date     TEXT COLLATE "C" NOT NULL,
    week        TEXT COLLATE "C" NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX staff_debriefs_staff_week ON staff_debriefs (staff_id, week);

-- A private self-check. The answers, score and note are one sealed value.
CREATE TABLE staff_checkins (
    id                  TEXT COLLATE "C" PRIMARY KEY,
    staff_id            TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    agency_id           TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    week                TEXT COLLATE "C" NOT NULL,
    instrument_id       TEXT COLLATE "C" NOT NULL,
    instrument_version  TEXT COLLATE "C" NOT NULL,
    answers             BYTEA NOT NULL,           -- sealed
    created_at          BIGINT NOT NULL
);
CREATE INDEX staff_checkins_staff ON staff_checkins (staff_id, created_at);
CREATE INDEX staff_checkins_agency_week ON staff_checkins (agency_id, week);

-- A private reminder to the staff member alone: their exposure in a week
-- passed the setting and no debrief was recorded that week.
CREATE TABLE wellbeing_nudges (
    id                 TEXT COLLATE "C" PRIMARY KEY,
    staff_id           TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    week               TEXT COLLATE "C" NOT NULL,
    exposure_minutes   BIGINT NOT NULL,
    threshold_minutes  BIGINT NOT NULL,
    status             TEXT COLLATE "C" NOT NULL,            -- open, resolved (a debrief followed), dismissed
    created_at         BIGINT NOT NULL,
    closed_at          BIGINT,
    version            BIGINT NOT NULL
);
CREATE UNIQUE INDEX wellbeing_nudges_staff_week ON wellbeing_nudges (staff_id, week);

-- The HTCDS export reads each batch's support plan by a range of survivor ids.
CREATE INDEX referrals_survivor ON referrals (survivor_id);
CREATE INDEX commitments_survivor ON commitments (survivor_id);
CREATE INDEX safety_plans_survivor ON safety_plans (survivor_id);
