-- 专用信用报告 (task 19): a signed snapshot of an entity's record in the commission's health-supervision field,
-- issued in place of a certificate of no violations. What was issued never changes: the signed canonical text is
-- kept as it was signed, and the row refuses updates and deletes.
CREATE SEQUENCE supervision_credit_report_seq;
CREATE TABLE supervision_credit_report (
    id           uuid        PRIMARY KEY,
    number       text        NOT NULL UNIQUE,
    check_code   text        NOT NULL,
    uscc         text        NOT NULL REFERENCES supervision_entity (uscc),
    purpose      text        NOT NULL,
    period_from  date        NOT NULL,
    period_to    date        NOT NULL,
    canonical    text        NOT NULL,
    signature    text        NOT NULL,
    issued_by    text        NOT NULL,
    issued_at    timestamptz NOT NULL
);
CREATE INDEX supervision_credit_report_uscc ON supervision_credit_report (uscc, issued_at DESC);
CREATE TRIGGER supervision_credit_report_append_only BEFORE UPDATE OR DELETE ON supervision_credit_report
    FOR EACH ROW EXECUTE FUNCTION supervision_refuse_change();
