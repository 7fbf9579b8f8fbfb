-- What a licence carries beyond holder, scope and validity, as the item's guide names it (e.g. a nurse's
-- 执业机构 and 执业类别): [{"field", "label", "value"}] in the guide's order; signed with the rest.
ALTER TABLE licences_licence ADD COLUMN particulars JSONB NOT NULL DEFAULT '[]';

-- What a change did to the licence: [{"label", "before", "after"}]; null for entries that change no data.
ALTER TABLE licences_history ADD COLUMN changes JSONB;
