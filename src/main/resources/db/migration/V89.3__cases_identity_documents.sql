-- The identity document a person applied with: the window records passports and permits as well as the
-- 居民身份证 (every earlier person's case, and every online one, is by resident ID). Enterprises have none.
ALTER TABLE cases_case ADD COLUMN applicant_id_type TEXT DEFAULT 'RESIDENT_ID'
    CHECK (applicant_id_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT',
                                 'HMT_RESIDENCE_PERMIT', 'FOREIGN_PERMANENT_RESIDENT'));
UPDATE cases_case SET applicant_id_type = NULL WHERE applicant_kind = 'ENTERPRISE';
ALTER TABLE cases_case ADD CONSTRAINT cases_case_person_has_id_type
    CHECK (applicant_kind = 'ENTERPRISE' OR applicant_id_type IS NOT NULL);
