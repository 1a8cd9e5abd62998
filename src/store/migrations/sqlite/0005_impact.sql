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
    id                  TEXT PRIMARY KEY,
    case_id             TEXT NOT NULL REFERENCES cases (id),
    survivor_id         TEXT NOT NULL REFERENCES survivors (id),
    agency_id           TEXT NOT NULL REFERENCES agencies (id),
    kind                TEXT NOT NULL,           -- recruitment, transit, exploitation
    country             TEXT NOT NULL,           -- ISO 3166-1 alpha-2; ZZ when unknown
    place               BLOB,                    -- sealed: town or locality
    began_on            TEXT,                    -- YYYY-MM-DD
    ended_on            TEXT,
    exploitation_types  TEXT NOT NULL,           -- comma-joined
    means_of_control    TEXT NOT NULL,           -- comma-joined
    description         BLOB,                    -- sealed
    recorded_by         TEXT NOT NULL REFERENCES staff (id),
    created_at          INTEGER NOT NULL,
    version             INTEGER NOT NULL
);
CREATE INDEX trafficking_events_case ON trafficking_events (case_id, created_at);
CREATE INDEX trafficking_events_survivor ON trafficking_events (survivor_id);

-- A training course, owned by the agency that runs it.
CREATE TABLE training_courses (
    id            TEXT PRIMARY KEY,
    agency_id     TEXT NOT NULL REFERENCES agencies (id),
    title         TEXT NOT NULL,
    curriculum    TEXT NOT NULL,
    minutes       INTEGER NOT NULL,              -- the course's length
    topics        TEXT NOT NULL,                 -- comma-joined keywords
    valid_months  INTEGER,                       -- how long a completion stays valid; NULL: no expiry
    created_by    TEXT NOT NULL REFERENCES staff (id),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    version       INTEGER NOT NULL
);
CREATE INDEX training_courses_created ON training_courses (created_at);

CREATE TABLE training_sessions (
    id                TEXT PRIMARY KEY,
    course_id         TEXT NOT NULL REFERENCES training_courses (id),
    agency_id         TEXT NOT NULL REFERENCES agencies (id),   -- the course's agency
    held_on           TEXT NOT NULL,             -- YYYY-MM-DD
    place             TEXT NOT NULL,
    country           TEXT NOT NULL,
    trainer           TEXT NOT NULL,             -- the trainer's name as shown
    trainer_staff_id  TEXT REFERENCES staff (id),
    created_by        TEXT NOT NULL REFERENCES staff (id),
    created_at        INTEGER NOT NULL,
    version           INTEGER NOT NULL
);
CREATE INDEX training_sessions_course ON training_sessions (course_id, created_at);

-- A professional who took part in a session. Participants need not be
-- onestory users; when one is (staff_id), a valid completion counts for
-- the trainings a setting can require.
CREATE TABLE training_participants (
    id              TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES training_sessions (id),
    course_id       TEXT NOT NULL REFERENCES training_courses (id),
    held_on         TEXT NOT NULL,               -- the session's date, for reports by year
    name            TEXT NOT NULL,
    profession      TEXT NOT NULL,
    agency_id       TEXT REFERENCES agencies (id),
    agency_name     TEXT NOT NULL,
    country         TEXT NOT NULL,
    staff_id        TEXT REFERENCES staff (id),
    completed       INTEGER NOT NULL,
    completed_on    TEXT,
    certificate_id  TEXT,
    expires_on      TEXT,
    created_by      TEXT NOT NULL REFERENCES staff (id),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    version         INTEGER NOT NULL
);
CREATE INDEX training_participants_session ON training_participants (session_id, created_at);
CREATE INDEX training_participants_staff ON training_participants (staff_id);
CREATE UNIQUE INDEX training_participants_certificate ON training_participants (certificate_id);

-- Time a staff member spent with traumatic material. `week` is the Monday
-- of on_date's ISO week, so weekly totals need no date arithmetic in SQL.
CREATE TABLE staff_exposures (
    id          TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    agency_id   TEXT NOT NULL REFERENCES agencies (id),
    on_date     TEXT NOT NULL,
    week        TEXT NOT NULL,
    minutes     INTEGER NOT NULL,
    kind        TEXT NOT NULL,                   -- interview, evidence_review, hearing, other
    created_at  INTEGER NOT NULL
);
CREATE INDEX staff_exposures_staff ON staff_exposures (staff_id, created_at);
CREATE INDEX staff_exposures_agency_week ON staff_exposures (agency_id, week);

-- A debrief the staff member logged themself (an interview's debrief counts too).
CREATE TABLE staff_debriefs (
    id          TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    agency_id   TEXT NOT NULL REFERENCES agencies (id),
    on_date     TEXT NOT NULL,
    week        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX staff_debriefs_staff_week ON staff_debriefs (staff_id, week);

-- A private self-check. The answers, score and note are one sealed value.
CREATE TABLE staff_checkins (
    id                  TEXT PRIMARY KEY,
    staff_id            TEXT NOT NULL REFERENCES staff (id),
    agency_id           TEXT NOT NULL REFERENCES agencies (id),
    week                TEXT NOT NULL,
    instrument_id       TEXT NOT NULL,
    instrument_version  TEXT NOT NULL,
    answers             BLOB NOT NULL,           -- sealed
    created_at          INTEGER NOT NULL
);
CREATE INDEX staff_checkins_staff ON staff_checkins (staff_id, created_at);
CREATE INDEX staff_checkins_agency_week ON staff_checkins (agency_id, week);

-- A private reminder to the staff member alone: their exposure in a week
-- passed the setting and no debrief was recorded that week.
CREATE TABLE wellbeing_nudges (
    id                 TEXT PRIMARY KEY,
    staff_id           TEXT NOT NULL REFERENCES staff (id),
    week               TEXT NOT NULL,
    exposure_minutes   INTEGER NOT NULL,
    threshold_minutes  INTEGER NOT NULL,
    status             TEXT NOT NULL,            -- open, resolved (a debrief followed), dismissed
    created_at         INTEGER NOT NULL,
    closed_at          INTEGER,
    version            INTEGER NOT NULL
);
CREATE UNIQUE INDEX wellbeing_nudges_staff_week ON wellbeing_nudges (staff_id, week);

-- The HTCDS export reads each batch's support plan by a range of survivor ids.
CREATE INDEX referrals_survivor ON referrals (survivor_id);
CREATE INDEX commitments_survivor ON commitments (survivor_id);
CREATE INDEX safety_plans_survivor ON safety_plans (survivor_id);
