-- Spring Session JDBC's schema for PostgreSQL (spring-session-jdbc's schema-postgresql.sql), under the identity
-- module's prefix (spring.session.jdbc.table-name: identity_session): sessions live in the database, so that an
-- account's sessions can be ended at once (disabled, locked, password changed) and are shared by every instance.
CREATE TABLE identity_session
(
  primary_id            CHAR(36) NOT NULL,
  session_id            CHAR(36) NOT NULL,
  creation_time         BIGINT   NOT NULL,
  last_access_time      BIGINT   NOT NULL,
  max_inactive_interval INT      NOT NULL,
  expiry_time           BIGINT   NOT NULL,
  principal_name        VARCHAR(100),
  CONSTRAINT identity_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX identity_session_ix1 ON identity_session (session_id);
CREATE INDEX identity_session_ix2 ON identity_session (expiry_time);
CREATE INDEX identity_session_ix3 ON identity_session (principal_name);

CREATE TABLE identity_session_attributes
(
  session_primary_id CHAR(36)     NOT NULL,
  attribute_name     VARCHAR(200) NOT NULL,
  attribute_bytes    BYTEA        NOT NULL,
  CONSTRAINT identity_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT identity_session_attributes_fk FOREIGN KEY (session_primary_id)
    REFERENCES identity_session (primary_id) ON DELETE CASCADE
);
