-- Messages, their raw bytes and their recipients. Instants are microseconds since the epoch
-- (BIGINT) so the same SQL runs on SQLite and PostgreSQL. An audit table comes in a later V2.

CREATE TABLE messages (
    id              TEXT    NOT NULL PRIMARY KEY,
    sender          TEXT    NOT NULL,
    client_address  TEXT    NOT NULL,
    helo            TEXT    NOT NULL,
    auth_user       TEXT,
    received_at     BIGINT  NOT NULL,
    state           TEXT    NOT NULL,
    verdict         TEXT    NOT NULL,
    rule            TEXT    NOT NULL,
    findings        TEXT    NOT NULL,          -- JSON array of findings (Jackson)
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    lease           BIGINT  NOT NULL DEFAULT 0, -- bumped by every claim
    lease_until     BIGINT,                     -- NULL when no worker holds the message
    last_error      TEXT,
    updated_at      BIGINT  NOT NULL,
    size            BIGINT  NOT NULL
);

-- The claim query: state IN (QUEUED, DEFERRED) AND next_attempt_at <= now.
CREATE INDEX messages_due ON messages (state, next_attempt_at);
-- Listing a state oldest first.
CREATE INDEX messages_by_state_received ON messages (state, received_at, id);

-- Bodies apart, so listing and claiming never read them.
CREATE TABLE message_content (
    id    TEXT NOT NULL PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    bytes BYTEA NOT NULL
);

CREATE TABLE recipients (
    message_id TEXT    NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    address    TEXT    NOT NULL,
    state      TEXT    NOT NULL,
    last_reply TEXT,
    PRIMARY KEY (message_id, position)
);
