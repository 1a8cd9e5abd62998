-- PostgreSQL mirror of sqlite/0006_portal.sql: BIGINT for INTEGER, BYTEA for
-- BLOB, and byte-order ("C") collation so ordering matches SQLite.
-- onestory schema 6: the survivor portal. A caseworker issues a one-time
-- invite code; the survivor redeems it, choosing a username and a
-- passphrase, and then signs in to see their own record.
-- Codes are stored only as hashes. The username is stored only as a blind
-- index (keyed BLAKE2b of its normalised form): a survivor may choose their
-- own name, and the database never holds it readable.

CREATE TABLE portal_accounts (
    survivor_id      TEXT COLLATE "C" PRIMARY KEY REFERENCES survivors (id),
    username_index   TEXT COLLATE "C" NOT NULL,          -- blind index of the username
    passphrase_hash  TEXT COLLATE "C" NOT NULL,          -- Argon2id
    active           BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    version          BIGINT NOT NULL
);
CREATE UNIQUE INDEX portal_accounts_username ON portal_accounts (username_index);

-- One-time codes, valid for 72 hours; a newer invite replaces older unused ones.
CREATE TABLE portal_invites (
    code_hash    TEXT COLLATE "C" PRIMARY KEY,           -- BLAKE2b of the normalised code
    id           TEXT COLLATE "C" NOT NULL,              -- names the invite in the audit
    survivor_id  TEXT COLLATE "C" NOT NULL REFERENCES survivors (id),
    created_by   TEXT COLLATE "C" NOT NULL REFERENCES staff (id),
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT
);
CREATE UNIQUE INDEX portal_invites_id ON portal_invites (id);
CREATE INDEX portal_invites_survivor ON portal_invites (survivor_id);
