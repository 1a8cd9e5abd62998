-- onestory schema 3: care coordination. The service directory and closed-loop
-- referrals, commitments, safety plans, hearings, case reviews, incident
-- classifications and outcome assessments.
-- Free text written about a survivor is sealed with that survivor's data key
-- (BLOB columns marked "sealed"); enumerations, dates (YYYY-MM-DD text) and
-- scores are plain, so that reports can count them without opening anything.

-- The service directory: who offers what, to whom. A provider may be an
-- agency using onestory (agency_id) or a service outside it.
CREATE TABLE providers (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    agency_id       TEXT REFERENCES agencies (id),
    service_types   TEXT NOT NULL,               -- comma-joined
    languages       TEXT NOT NULL,               -- comma-joined ISO 639-1
    age_min         INTEGER,
    age_max         INTEGER,
    genders_served  TEXT NOT NULL,               -- comma-joined; empty: everyone
    capacity        INTEGER,
    location_area   TEXT,                        -- the provider's area, not a survivor's
    contact         TEXT,                        -- the provider's public contact
    created_by      TEXT NOT NULL REFERENCES staff (id),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    version         INTEGER NOT NULL
);
CREATE INDEX providers_created ON providers (created_at);

-- A referral of a survivor to a provider, followed until it is completed or
-- closed (the closed loop).
CREATE TABLE referrals (
    id                   TEXT PRIMARY KEY,
    case_id              TEXT NOT NULL REFERENCES cases (id),
    survivor_id          TEXT NOT NULL REFERENCES survivors (id),
    agency_id            TEXT NOT NULL REFERENCES agencies (id),   -- the agency owning the case
    provider_id          TEXT NOT NULL REFERENCES providers (id),
    recipient_agency_id  TEXT REFERENCES agencies (id),            -- the provider's agency, if any
    service_type         TEXT NOT NULL,
    reason               BLOB NOT NULL,                            -- sealed
    share_categories     TEXT NOT NULL,                            -- comma-joined record categories
    purpose              TEXT,                                     -- of the consent it shares under
    consent_id           TEXT REFERENCES consents (id),
    follow_up_by         TEXT NOT NULL,
    complete_by          TEXT,
    status               TEXT NOT NULL,
    decline_reason       BLOB,                                     -- sealed
    created_by           TEXT NOT NULL REFERENCES staff (id),
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    version              INTEGER NOT NULL
);
CREATE INDEX referrals_case ON referrals (case_id, created_at);
CREATE INDEX referrals_recipient ON referrals (recipient_agency_id, created_at);
CREATE INDEX referrals_agency_status ON referrals (agency_id, status);

-- Every move of a referral from one state to the next, and who made it;
-- seq is the referral's version the move produced (1: the proposal).
CREATE TABLE referral_transitions (
    id           TEXT PRIMARY KEY,
    referral_id  TEXT NOT NULL REFERENCES referrals (id),
    seq          INTEGER NOT NULL,
    case_id      TEXT NOT NULL REFERENCES cases (id),
    survivor_id  TEXT NOT NULL REFERENCES survivors (id),
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    note         BLOB,                           -- sealed
    by_staff     TEXT NOT NULL REFERENCES staff (id),
    by_agency    TEXT NOT NULL REFERENCES agencies (id),
    at           INTEGER NOT NULL
);
CREATE UNIQUE INDEX referral_transitions_referral ON referral_transitions (referral_id, seq);
CREATE INDEX referral_transitions_case ON referral_transitions (case_id, at);

-- A multidisciplinary case review and what it decided.
CREATE TABLE case_reviews (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id),
    survivor_id  TEXT NOT NULL REFERENCES survivors (id),
    agency_id    TEXT NOT NULL REFERENCES agencies (id),
    held_at      INTEGER NOT NULL,
    attendees    TEXT NOT NULL,                  -- comma-joined staff ids
    agencies     TEXT NOT NULL,                  -- comma-joined agency ids
    created_by   TEXT NOT NULL REFERENCES staff (id),
    created_at   INTEGER NOT NULL
);
CREATE INDEX case_reviews_case ON case_reviews (case_id, created_at);

-- A promise: to the survivor, or (from a case review) of the team.
CREATE TABLE commitments (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases (id),
    survivor_id    TEXT NOT NULL REFERENCES survivors (id),
    agency_id      TEXT NOT NULL REFERENCES agencies (id),
    to_survivor    INTEGER NOT NULL,             -- 1: promised to the survivor; 0: a team commitment
    review_id      TEXT REFERENCES case_reviews (id),
    what           BLOB NOT NULL,                -- sealed
    owner_id       TEXT NOT NULL REFERENCES staff (id),
    due            TEXT NOT NULL,
    status         TEXT NOT NULL,
    note           BLOB,                         -- sealed
    survivor_told  BLOB,                         -- sealed: how the survivor was told of a change
    resolved_at    INTEGER,
    created_by     TEXT NOT NULL REFERENCES staff (id),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    version        INTEGER NOT NULL
);
CREATE INDEX commitments_case ON commitments (case_id, created_at);
CREATE INDEX commitments_owner ON commitments (owner_id, status);
CREATE INDEX commitments_agency_status ON commitments (agency_id, status, due);

CREATE TABLE review_decisions (
    review_id      TEXT NOT NULL REFERENCES case_reviews (id),
    position       INTEGER NOT NULL,
    text           BLOB NOT NULL,                -- sealed
    owner_id       TEXT REFERENCES staff (id),
    due            TEXT,
    commitment_id  TEXT REFERENCES commitments (id),
    PRIMARY KEY (review_id, position)
);

-- One safety plan per case; its items are sealed like location data.
CREATE TABLE safety_plans (
    case_id      TEXT PRIMARY KEY REFERENCES cases (id),
    survivor_id  TEXT NOT NULL REFERENCES survivors (id),
    agency_id    TEXT NOT NULL REFERENCES agencies (id),
    risk_level   TEXT NOT NULL,
    items        BLOB NOT NULL,                  -- sealed
    review_by    TEXT NOT NULL,
    created_by   TEXT NOT NULL REFERENCES staff (id),
    created_at   INTEGER NOT NULL,
    updated_by   TEXT NOT NULL REFERENCES staff (id),
    updated_at   INTEGER NOT NULL,
    version      INTEGER NOT NULL
);

-- Court hearings, with the testimony accommodations asked for and granted.
CREATE TABLE hearings (
    id                        TEXT PRIMARY KEY,
    case_id                   TEXT NOT NULL REFERENCES cases (id),
    survivor_id               TEXT NOT NULL REFERENCES survivors (id),
    agency_id                 TEXT NOT NULL REFERENCES agencies (id),   -- the agency owning the case
    court                     TEXT NOT NULL,
    scheduled_at              INTEGER NOT NULL,
    kind                      TEXT NOT NULL,
    charges                   TEXT NOT NULL,  -- one charge per line
    accommodations_requested  TEXT NOT NULL,  -- comma-joined
    accommodations_granted    TEXT NOT NULL,  -- comma-joined
    survivor_notified_at      INTEGER,
    notified_by               TEXT REFERENCES staff (id),
    outcome                   TEXT,
    notes                     BLOB,           -- sealed
    created_by                TEXT NOT NULL REFERENCES staff (id),
    created_agency_id         TEXT NOT NULL REFERENCES agencies (id),
    created_at                INTEGER NOT NULL,
    updated_at                INTEGER NOT NULL,
    version                   INTEGER NOT NULL
);
CREATE INDEX hearings_case ON hearings (case_id, created_at);
CREATE INDEX hearings_agency_scheduled ON hearings (agency_id, scheduled_at);

-- An incident's answers and the GBV type derived from them (GBVIMS order).
CREATE TABLE incidents (
    id                       TEXT PRIMARY KEY,
    case_id                  TEXT NOT NULL REFERENCES cases (id),
    survivor_id              TEXT NOT NULL REFERENCES survivors (id),
    agency_id                TEXT NOT NULL REFERENCES agencies (id),
    occurred_on              TEXT NOT NULL,
    penetration              INTEGER NOT NULL,
    unwanted_sexual_contact  INTEGER NOT NULL,
    physical_assault         INTEGER NOT NULL,
    forced_marriage          INTEGER NOT NULL,
    denial_of_resources      INTEGER NOT NULL,
    psychological_abuse      INTEGER NOT NULL,
    gbv_type                 TEXT NOT NULL,
    description              BLOB,            -- sealed
    created_by               TEXT NOT NULL REFERENCES staff (id),
    created_at               INTEGER NOT NULL
);
CREATE INDEX incidents_case ON incidents (case_id, created_at);

-- Outcome assessments: one row per assessment, one per sub-domain score.
CREATE TABLE assessments (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id),
    survivor_id  TEXT NOT NULL REFERENCES survivors (id),
    agency_id    TEXT NOT NULL REFERENCES agencies (id),
    assessed_on  TEXT NOT NULL,
    instrument   TEXT NOT NULL,                  -- the instrument's name and version
    notes        BLOB,                           -- sealed
    created_by   TEXT NOT NULL REFERENCES staff (id),
    created_at   INTEGER NOT NULL
);
CREATE INDEX assessments_case ON assessments (case_id, assessed_on);

CREATE TABLE assessment_scores (
    assessment_id  TEXT NOT NULL REFERENCES assessments (id),
    domain         TEXT NOT NULL,
    sub_domain     TEXT NOT NULL,
    score          INTEGER NOT NULL,
    PRIMARY KEY (assessment_id, domain, sub_domain)
);

-- Alerts whose condition has ended (a commitment kept, a hearing notified)
-- are resolved rather than left open.
ALTER TABLE alerts ADD COLUMN resolved_at INTEGER;
CREATE INDEX alerts_kind_subject ON alerts (agency_id, kind, status);
