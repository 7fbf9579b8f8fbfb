-- API tokens for machine clients (other agencies' systems, scripts): issued by an administrator to one client,
-- with staff roles (never ADMIN) and one division or unit, until it expires (at most a year) or is revoked.
-- Only the SHA-256 of the token is kept; the token itself is shown once, when issued.
CREATE TABLE identity_api_token
(
  id            UUID PRIMARY KEY,
  client        TEXT NOT NULL CHECK (length(client) BETWEEN 1 AND 64),
  token_hash    BYTEA NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  token_prefix  TEXT NOT NULL,
  roles         TEXT[] NOT NULL CHECK (cardinality(roles) > 0
                  AND NOT (roles && ARRAY['ADMIN', 'CITIZEN', 'ENTERPRISE']::TEXT[])),
  org_unit_code TEXT NOT NULL REFERENCES identity_org_unit (code),
  issued_by     TEXT NOT NULL,
  issued_at     TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL CHECK (expires_at > issued_at AND expires_at <= issued_at + INTERVAL '366 days'),
  revoked_by    TEXT,
  revoked_at    TIMESTAMPTZ
);
