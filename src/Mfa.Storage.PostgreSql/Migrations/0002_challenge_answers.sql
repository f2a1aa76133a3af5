-- Mfa.Sdk PostgreSQL schema, version 2: out-of-band answers on pending challenges (recorded at most once).

ALTER TABLE "{schema}"."{prefix}challenges" ADD COLUMN answer bytea NULL;
ALTER TABLE "{schema}"."{prefix}challenges" ADD COLUMN answered_at bigint NULL;
