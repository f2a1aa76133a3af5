-- Mfa.Sdk SQLite schema, version 3: the authenticator's model description (for example from FIDO metadata), if known.

ALTER TABLE "{prefix}authenticators" ADD COLUMN description TEXT NULL;
