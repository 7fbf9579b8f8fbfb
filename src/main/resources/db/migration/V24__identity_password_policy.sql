-- The password rules of 等保 level 3: the initial administrator (and anyone whose password an administrator
-- reset) changes it at the next sign-in; a new password may not be one of the last five.
-- (identity_account.demo, the accounts demo seeding created, exists since V21.)
ALTER TABLE identity_account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE identity_password_history
(
  account_id    UUID        NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
  password_hash TEXT        NOT NULL,
  set_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX identity_password_history_account ON identity_password_history (account_id, set_at DESC);
