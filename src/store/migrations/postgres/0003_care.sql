-- PostgreSQL mirror of sqlite/0003_care.sql: BIGINT for INTEGER, BYTEA for
-- BLOB, and byte-order ("C") collation so ordering matches SQLite.
-- onestory schema 3: care coordination. The service directory and closed-loop
-- referrals, commitments, safety plans, hearings, case reviews, incident
-- classifications and outcome assessments.
-- Free text written about a survivor is sealed with that survivor's data key
-- (BLOB columns marked "sealed"); enumerations, dates (YYYY-MM-DD text) and
-- scores are plain, so that reports can count them without opening anything.

-- The service directory: who offers what, to whom. A provider may be an
-- agency using onestory (agency_id) or a service outside it.
CREATE TABLE providers (
    id              TEXT COLLATE "C" PRIMARY KEY,
    name            TEXT COLLATE "C" NOT NULL,
    agency_id       TEXT COLLATE "C" REFERENCES agencies (id),
    service_types   TEXT COLLATE "C" NOT NULL,               -- comma-joined
    languages       TEXT COLLATE "C" NOT NULL,               -- comma-joined ISO 639-1
    age_min         BIGINT,
    age_max         BIGINT,
    genders_served  TEXT COLLATE "C" NOT NULL,               -- comma-joined; empty: everyone
    capacity        BIGINT,
    location_area   TEXT COLLATE "C",                        -- the provider's area, not a survivor's
    contact         TEXT COLLATE "C",                        -- the provider's public contact
    created_by      TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    version         BIGINT NOT NULL
);
CREATE INDEX providers_created ON providers (created_at);

-- A referral of a survivor to a provider, followed until it is completed or
-- closed (the closed loop).
CREATE TABLE referrals (
    id                   TEXT COLLATE "C" PRIMARY KEY,
    case_id              TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id          TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id            TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),   -- the agency owning the case
    provider_id          TEXT COLLATE "C" NOT NULL REFERENCES providers (id),
    recipient_agency_id  TEXT COLLATE "C" REFERENCES agencies (id),            -- the provider's agency, if any
    service_type         TEXT COLLATE "C" NOT NULL,
    reason               BYTEA NOT NULL,                            -- sealed
    share_categories     TEXT COLLATE "C" NOT NULL,                            -- comma-joined record categories
    purpose              TEXT COLLATE "C",                                     -- of the consent it shares under
    consent_id           TEXT COLLATE "C" REFERENCES consents (id),
    follow_up_by         TEXT COLLATE "C" NOT NULL,
    complete_by          TEXT COLLATE "C",
    status               TEXT COLLATE "C" NOT NULL,
    decline_reason       BYTEA,                                     -- sealed
    created_by           TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    version              BIGINT NOT NULL
);
CREATE INDEX referrals_case ON referrals (case_id, created_at);
CREATE INDEX referrals_recipient ON referrals (recipient_agency_id, created_at);
CREATE INDEX referrals_agency_status ON referrals (agency_id, status);

-- Every move of a referral from one state to the next, and who made it;
-- seq is the referral's version the move produced (1: the proposal).
CREATE TABLE referral_transitions (
    id           TEXT COLLATE "C" PRIMARY KEY,
    referral_id  TEXT COLLATE "C" NOT NULL REFERENCES referrals (id),
    seq          BIGINT NOT NULL,
    case_id      TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id  TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    from_status  TEXT COLLATE "C",
    to_status    TEXT COLLATE "C" NOT NULL,
    note         BYTEA,                           -- sealed
    by_staff     TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    by_agency    TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    at           BIGINT NOT NULL
);
CREATE UNIQUE INDEX referral_transitions_referral ON referral_transitions (referral_id, seq);
CREATE INDEX referral_transitions_case ON referral_transitions (case_id, at);

-- A multidisciplinary case review and what it decided.
CREATE TABLE case_reviews (
    id           TEXT COLLATE "C" PRIMARY KEY,
    case_id      TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id  TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id    TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    held_at      BIGINT NOT NULL,
    attendees    TEXT COLLATE "C" NOT NULL,                  -- comma-joined staff ids
    agencies     TEXT COLLATE "C" NOT NULL,                  -- comma-joined agency ids
    created_by   TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at   BIGINT NOT NULL
);
CREATE INDEX case_reviews_case ON case_reviews (case_id, created_at);

-- A promise: to the survivor, or (from a case review) of the team.
CREATE TABLE commitments (
    id             TEXT COLLATE "C" PRIMARY KEY,
    case_id        TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id    TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id      TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    to_survivor    BIGINT NOT NULL,             -- 1: promised to the survivor; 0: a team commitment
    review_id      TEXT COLLATE "C" REFERENCES case_reviews (id),
    what           BYTEA NOT NULL,                -- sealed
    owner_id       TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    due            TEXT COLLATE "C" NOT NULL,
    status         TEXT COLLATE "C" NOT NULL,
    note           BYTEA,                         -- sealed
    survivor_told  BYTEA,                         -- sealed: how the survivor was told of a change
    resolved_at    BIGINT,
    created_by     TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    version        BIGINT NOT NULL
);
CREATE INDEX commitments_case ON commitments (case_id, created_at);
CREATE INDEX commitments_owner ON commitments (owner_id, status);
CREATE INDEX commitments_agency_status ON commitments (agency_id, status, due);

CREATE TABLE review_decisions (
    review_id      TEXT COLLATE "C" NOT NULL REFERENCES case_reviews (id),
    position       BIGINT NOT NULL,
    text           BYTEA NOT NULL,                -- sealed
    owner_id       TEXT COLLATE "C" REFERENCES staff (id),
    due            TEXT COLLATE "C",
    commitment_id  TEXT COLLATE "C" REFERENCES commitments (id),
    PRIMARY KEY (review_id, position)
);

-- One safety plan per case; its items are sealed like location data.
CREATE TABLE safety_plans (
    case_id      TEXT COLLATE "C" PRIMARY KEY REFERENCES cases (id),
    survivor_id  TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id    TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    risk_level   TEXT COLLATE "C" NOT NULL,
    items        BYTEA NOT NULL,                  -- sealed
    review_by    TEXT COLLATE "C" NOT NULL,
    created_by   TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at   BIGINT NOT NULL,
    updated_by   TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    updated_at   BIGINT NOT NULL,
    version      BIGINT NOT NULL
);

-- Court hearings, with the testimony accommodations asked for and granted.
CREATE TABLE hearings (
    id                        TEXT COLLATE "C" PRIMARY KEY,
    case_id                   TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id               TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id                 TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),   -- the agency owning the case
    court                     TEXT COLLATE "C" NOT NULL,
    scheduled_at              BIGINT NOT NULL,
    kind                      TEXT COLLATE "C" NOT NULL,
    charges                   TEXT COLLATE "C" NOT NULL,  -- one charge per line
    accommodations_requested  TEXT COLLATE "C" NOT NULL,  -- comma-joined
    accommodations_granted    TEXT COLLATE "C" NOT NULL,  -- comma-joined
    survivor_notified_at      BIGINT,
    notified_by               TEXT COLLATE "C" REFERENCES staff (id),
    outcome                   TEXT COLLATE "C",
    notes                     BYTEA,           -- sealed
    created_by                TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_agency_id         TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    created_at                BIGINT NOT NULL,
    updated_at                BIGINT NOT NULL,
    version                   BIGINT NOT NULL
);
CREATE INDEX hearings_case ON hearings (case_id, created_at);
CREATE INDEX hearings_agency_scheduled ON hearings (agency_id, scheduled_at);

-- An incident's answers and the GBV type derived from them (GBVIMS order).
CREATE TABLE incidents (
    id                       TEXT COLLATE "C" PRIMARY KEY,
    case_id                  TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id              TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id                TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    occurred_on              TEXT COLLATE "C" NOT NULL,
    penetration              BIGINT NOT NULL,
    unwanted_sexual_contact  BIGINT NOT NULL,
    physical_assault         BIGINT NOT NULL,
    forced_marriage          BIGINT NOT NULL,
    denial_of_resources      BIGINT NOT NULL,
    psychological_abuse      BIGINT NOT NULL,
    gbv_type                 TEXT COLLATE "C" NOT NULL,
    description              BYTEA,            -- sealed
    created_by               TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at               BIGINT NOT NULL
);
CREATE INDEX incidents_case ON incidents (case_id, created_at);

-- Outcome assessments: one row per assessment, one per sub-domain score.
CREATE TABLE assessments (
    id           TEXT COLLATE "C" PRIMARY KEY,
    case_id      TEXT COLLATE "C" NOT NULL REFERENCES cases (id),
    survivor_id  TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    agency_id    TEXT COLLATE "C" NOT NULL REFERENCES agencies (id),
    assessed_on  TEXT COLLATE "C" NOT NULL,
    instrument   TEXT COLLATE "C" NOT NULL,                  -- the instrument's name and version
    notes        BYTEA,                           -- sealed
    created_by   TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at   BIGINT NOT NULL
);
CREATE INDEX assessments_case ON assessments (case_id, assessed_on);

CREATE TABLE assessment_scores (
    assessment_id  TEXT COLLATE "C" NOT NULL REFERENCES assessments (id),
    domain         TEXT COLLATE "C" NOT NULL,
    sub_domain     TEXT COLLATE "C" NOT NULL,
    score          BIGINT NOT NULL,
    PRIMARY KEY (assessment_id, domain, sub_domain)
);

-- Alerts whose condition has ended (a commitment kept, a hearing notified)
-- are resolved rather than left open.
ALTER TABLE alerts ADD COLUMN resolved_at BIGINT;
CREATE INDEX alerts_kind_subject ON alerts (agency_id, kind, status);
