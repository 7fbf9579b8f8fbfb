-- 告知承诺制 done faithfully: the text the applicant committed to, kept with the case and hashed (SM3), the
-- verification period the guide set, and the holder's right to state their case before a revocation.
ALTER TABLE cases_case
    ADD COLUMN commitment_text        TEXT,
    ADD COLUMN commitment_sm3         TEXT CHECK (commitment_sm3 ~ '^[0-9a-f]{64}$'),
    -- calendar days from the grant within which the commitment is verified (the guide's rule at submission)
    ADD COLUMN verification_days      INTEGER CHECK (verification_days > 0),
    -- the intended revocation told to the holder, and until when they may state their case (陈述申辩)
    ADD COLUMN revocation_noticed_on  DATE,
    ADD COLUMN statement_due          DATE,
    ADD COLUMN statement              TEXT,
    ADD COLUMN statement_at           TIMESTAMPTZ;
