-- Time-limit rules a case takes from its guide at submission (行政许可法 art. 42, 45, and an item's own
-- regulation), so that a later guide revision does not change the rules of a case already submitted.
ALTER TABLE cases_case
    -- when the decision limit starts: at receipt of the complete application, or at acceptance (the default)
    ADD COLUMN count_from             TEXT    NOT NULL DEFAULT 'ACCEPTANCE' CHECK (count_from IN ('RECEIPT', 'ACCEPTANCE')),
    -- the one extension the rule allows (art. 42: ten days on its twenty-day limit); 0 when none
    ADD COLUMN extension_days         INTEGER NOT NULL DEFAULT 0,
    -- an on-site check never stops the statutory clock; it stops the promised one only where the guide says so
    ADD COLUMN onsite_stops_promised  BOOLEAN NOT NULL DEFAULT FALSE;

-- cases submitted before: art. 42's extension on art. 42's twenty days, as the product allowed then
UPDATE cases_case SET extension_days = 10 WHERE statutory_days = 20;

-- a decided case is no longer late: its warning goes (a grant on commitment keeps its verification's)
UPDATE cases_case SET warning_level = NULL
WHERE status NOT IN ('SUBMITTED', 'UNDER_REVIEW', 'SUSPENDED') AND step IS DISTINCT FROM 'postVerify';

-- art. 45 names the procedures whose time does not count: 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审
ALTER TABLE cases_suspension DROP CONSTRAINT cases_suspension_kind_check;
ALTER TABLE cases_suspension ADD CONSTRAINT cases_suspension_kind_check CHECK (kind IN ('CORRECTION', 'HEARING',
    'TENDER', 'AUCTION', 'INSPECTION', 'TESTING', 'QUARANTINE', 'APPRAISAL', 'EXPERT_REVIEW', 'ONSITE_CHECK'));
-- the duration told to the applicant when the clock stopped (working days)
ALTER TABLE cases_suspension ADD COLUMN expected_days INTEGER CHECK (expected_days > 0);
