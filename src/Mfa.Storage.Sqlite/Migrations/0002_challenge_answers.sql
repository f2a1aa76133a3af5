-- Mfa.Sdk SQLite schema, version 2: out-of-band answers on pending challenges (recorded at most once).

ALTER TABLE "{prefix}challenges" ADD COLUMN answer BLOB NULL;
ALTER TABLE "{prefix}challenges" ADD COLUMN answered_at INTEGER NULL;
