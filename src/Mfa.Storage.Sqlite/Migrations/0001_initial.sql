-- Mfa.Sdk SQLite schema, version 1. Times are UTC unix milliseconds; {prefix} is SqliteStoreOptions.TablePrefix.

CREATE TABLE "{prefix}authenticators" (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    credential_id TEXT NULL,
    data TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NULL,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX "{prefix}authenticators_credential" ON "{prefix}authenticators" (kind, credential_id) WHERE credential_id IS NOT NULL;
CREATE INDEX "{prefix}authenticators_user" ON "{prefix}authenticators" (user_id, created_at, id);

CREATE TABLE "{prefix}challenges" (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL,
    factor_kind TEXT NOT NULL,
    authenticator_id TEXT NULL,
    purpose TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    state BLOB NOT NULL,
    consumed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX "{prefix}challenges_expires" ON "{prefix}challenges" (expires_at);

CREATE TABLE "{prefix}replay_guards" (
    authenticator_id TEXT NOT NULL PRIMARY KEY,
    last_step INTEGER NOT NULL
);

CREATE TABLE "{prefix}attempt_counters" (
    counter_key TEXT NOT NULL PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    expires_at INTEGER NULL
);
CREATE INDEX "{prefix}attempt_counters_expires" ON "{prefix}attempt_counters" (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE "{prefix}recovery_code_sets" (
    user_id TEXT NOT NULL PRIMARY KEY,
    salt BLOB NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE "{prefix}recovery_codes" (
    user_id TEXT NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (user_id, hash)
) WITHOUT ROWID;

CREATE TABLE "{prefix}user_settings" (
    user_id TEXT NOT NULL PRIMARY KEY,
    requirement INTEGER NULL,
    first_seen_at INTEGER NOT NULL
);
