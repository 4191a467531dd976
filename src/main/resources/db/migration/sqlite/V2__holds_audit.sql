-- The hold lifecycle: a hold's deadline and terms, the append-only audit trail, and the
-- one-click tokens already spent. Instants are microseconds since the epoch, as in V1.

-- One row per message that was ever HELD or QUARANTINED. The message's state stays the truth
-- (a deadline applies only while the message is still HELD/QUARANTINED, by a conditional UPDATE).
CREATE TABLE holds (
    message_id  TEXT   NOT NULL PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    rule        TEXT   NOT NULL,
    deadline_at BIGINT NOT NULL,
    at_deadline TEXT   NOT NULL,            -- RELEASE | BOUNCE
    notify      TEXT   NOT NULL,            -- comma-separated addresses notified
    approver    TEXT,                       -- who must approve, if the rule names someone
    awaiting    TEXT   NOT NULL             -- SENDER | APPROVER | REVIEWER
);
CREATE INDEX holds_by_deadline ON holds (deadline_at);

-- Append-only: the triggers refuse any UPDATE or DELETE.
CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         BIGINT NOT NULL,
    message_id TEXT,
    actor      TEXT   NOT NULL,
    origin     TEXT   NOT NULL,
    action     TEXT   NOT NULL,
    detail     TEXT   NOT NULL
);
CREATE INDEX audit_by_message ON audit (message_id, seq);
CREATE INDEX audit_by_time ON audit (at, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;

-- A one-click link works once: its token's signature is recorded when it is used.
CREATE TABLE used_tokens (
    token      TEXT   NOT NULL PRIMARY KEY,
    message_id TEXT   NOT NULL,
    used_at    BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
