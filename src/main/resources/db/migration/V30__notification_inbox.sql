-- In-app inbox. A message goes to one account (by username) or to every member of an org unit.
CREATE TABLE notification_message
(
  id                 UUID PRIMARY KEY,
  recipient_username TEXT,
  recipient_unit     TEXT,
  category           TEXT NOT NULL,
  title              TEXT NOT NULL,
  body               TEXT NOT NULL,
  link               TEXT,
  dedup_key          TEXT UNIQUE,
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((recipient_username IS NULL) <> (recipient_unit IS NULL))
);
CREATE INDEX notification_message_user_idx ON notification_message (recipient_username, created_at DESC);
CREATE INDEX notification_message_unit_idx ON notification_message (recipient_unit, created_at DESC);

-- read receipts per person, so a unit-wide message is unread for each member until they read it
CREATE TABLE notification_read
(
  message_id UUID NOT NULL REFERENCES notification_message (id),
  username   TEXT NOT NULL,
  read_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, username)
);
