-- Mfa.Sdk PostgreSQL schema, version 3: the authenticator's model description (for example from FIDO metadata), if known.

ALTER TABLE "{schema}"."{prefix}authenticators" ADD COLUMN description text NULL;
