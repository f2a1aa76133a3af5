-- Mfa.Sdk PostgreSQL schema, version 1. Times are UTC unix milliseconds (bigint), the same in every provider.
-- Identifiers use the "C" collation: ids are case-sensitive base64url and compare and sort byte by byte.
-- {schema} is PostgreSqlStoreOptions.Schema, {prefix} is the table prefix.

CREATE TABLE "{schema}"."{prefix}authenticators" (
    id text COLLATE "C" NOT NULL PRIMARY KEY,
    user_id text COLLATE "C" NOT NULL,
    kind text COLLATE "C" NOT NULL,
    name text NOT NULL,
    credential_id text COLLATE "C" NULL,
    data text NOT NULL,
    created_at bigint NOT NULL,
    last_used_at bigint NULL,
    version bigint NOT NULL
);
CREATE UNIQUE INDEX "{prefix}authenticators_credential" ON "{schema}"."{prefix}authenticators" (kind, credential_id) WHERE credential_id IS NOT NULL;
CREATE INDEX "{prefix}authenticators_user" ON "{schema}"."{prefix}authenticators" (user_id, created_at, id);

CREATE TABLE "{schema}"."{prefix}challenges" (
    id text COLLATE "C" NOT NULL PRIMARY KEY,
    user_id text COLLATE "C" NOT NULL,
    factor_kind text COLLATE "C" NOT NULL,
    authenticator_id text COLLATE "C" NULL,
    purpose text COLLATE "C" NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    state bytea NOT NULL,
    consumed boolean NOT NULL DEFAULT FALSE
);
CREATE INDEX "{prefix}challenges_expires" ON "{schema}"."{prefix}challenges" (expires_at);

CREATE TABLE "{schema}"."{prefix}replay_guards" (
    authenticator_id text COLLATE "C" NOT NULL PRIMARY KEY,
    last_step bigint NOT NULL
);

CREATE TABLE "{schema}"."{prefix}attempt_counters" (
    counter_key text COLLATE "C" NOT NULL PRIMARY KEY,
    failures integer NOT NULL,
    window_start bigint NOT NULL,
    expires_at bigint NULL
);
CREATE INDEX "{prefix}attempt_counters_expires" ON "{schema}"."{prefix}attempt_counters" (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE "{schema}"."{prefix}recovery_code_sets" (
    user_id text COLLATE "C" NOT NULL PRIMARY KEY,
    salt bytea NOT NULL,
    created_at bigint NOT NULL
);

CREATE TABLE "{schema}"."{prefix}recovery_codes" (
    user_id text COLLATE "C" NOT NULL,
    hash bytea NOT NULL,
    PRIMARY KEY (user_id, hash)
);

CREATE TABLE "{schema}"."{prefix}user_settings" (
    user_id text COLLATE "C" NOT NULL PRIMARY KEY,
    requirement integer NULL,
    first_seen_at bigint NOT NULL
);
