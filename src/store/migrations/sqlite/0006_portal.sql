-- onestory schema 6: the survivor portal. A caseworker issues a one-time
-- invite code; the survivor redeems it, choosing a username and a
-- passphrase, and then signs in to see their own record.
-- Codes are stored only as hashes. The username is stored only as a blind
-- index (keyed BLAKE2b of its normalised form): a survivor may choose their
-- own name, and the database never holds it readable.

CREATE TABLE portal_accounts (
    survivor_id      TEXT PRIMARY KEY REFERENCES survivors (id),
    username_index   TEXT NOT NULL,          -- blind index of the username
    passphrase_hash  TEXT NOT NULL,          -- Argon2id
    active           INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL
);
CREATE UNIQUE INDEX portal_accounts_username ON portal_accounts (username_index);

-- One-time codes, valid for 72 hours; a newer invite replaces older unused ones.
CREATE TABLE portal_invites (
    code_hash    TEXT PRIMARY KEY,           -- BLAKE2b of the normalised code
    id           TEXT NOT NULL,              -- names the invite in the audit
    survivor_id  TEXT NOT NULL REFERENCES survivors (id),
    created_by   TEXT NOT NULL REFERENCES staff (id),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
);
CREATE UNIQUE INDEX portal_invites_id ON portal_invites (id);
CREATE INDEX portal_invites_survivor ON portal_invites (survivor_id);
