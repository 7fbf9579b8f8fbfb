CREATE TABLE identity_account
(
  id              UUID PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{3,32}$'),
  display_name    TEXT NOT NULL,
  password_hash   TEXT NOT NULL,
  roles           TEXT[] NOT NULL CHECK (cardinality(roles) > 0),
  org_unit_code   TEXT REFERENCES identity_org_unit (code),
  id_number       TEXT,
  uscc            TEXT,
  phone           TEXT,
  enabled         BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts INT NOT NULL DEFAULT 0,
  locked_until    TIMESTAMPTZ,
  demo            BOOLEAN NOT NULL DEFAULT FALSE,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- a division's staff member must belong to a division or unit
  CHECK (NOT ('DIVISION_STAFF' = ANY (roles)) OR org_unit_code IS NOT NULL)
);
