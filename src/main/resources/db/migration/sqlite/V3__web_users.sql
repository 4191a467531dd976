-- People who use the review console and the JSON API. Passwords are PBKDF2 hashes
-- (pbkdf2-sha256$iterations$salt$hash); API tokens are stored as their SHA-256 (hex), the
-- token itself is shown once when it is made. Instants are microseconds since the epoch.

CREATE TABLE web_users (
    name           TEXT   NOT NULL PRIMARY KEY,
    role           TEXT   NOT NULL,             -- reviewer | admin
    password_hash  TEXT   NOT NULL,
    api_token_hash TEXT   UNIQUE,               -- NULL until a token is made
    created_at     BIGINT NOT NULL
);
