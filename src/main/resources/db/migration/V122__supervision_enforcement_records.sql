-- The full-process record (执法全过程记录, one of the three enforcement rules): every step of an inspection,
-- a penalty case or a joint inspection, with its time, its person and the SM3 hash of its evidence.
-- Each subject's steps form a chain: a step's hash covers the previous step's hash, so a removed or altered
-- step shows. Append-only like the draws.
CREATE TABLE supervision_enforcement_record (
    seq           bigserial   PRIMARY KEY,
    subject_kind  text        NOT NULL,
    subject_id    uuid        NOT NULL,
    step          text        NOT NULL,
    actor         text        NOT NULL,
    at            timestamptz NOT NULL,
    detail        text        NOT NULL,
    evidence_sm3  text,
    previous_hash text        NOT NULL,
    hash          text        NOT NULL UNIQUE
);
CREATE INDEX supervision_enforcement_record_subject ON supervision_enforcement_record (subject_kind, subject_id, seq);
CREATE TRIGGER supervision_enforcement_record_append_only BEFORE UPDATE OR DELETE ON supervision_enforcement_record
    FOR EACH ROW EXECUTE FUNCTION supervision_refuse_change();
