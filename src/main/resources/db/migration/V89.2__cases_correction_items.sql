-- The items of a case's correction notice (art. 32: one notice per case, all items at once), each tied to the
-- material of the situation's list it concerns; material is null for a free-text item.
CREATE TABLE cases_correction_item (
    case_id  UUID    NOT NULL REFERENCES cases_case (id),
    position INTEGER NOT NULL,
    text     TEXT    NOT NULL,
    material TEXT,
    note     TEXT,
    PRIMARY KEY (case_id, position)
);

-- A file uploaded to replace an earlier file of the same material: the earlier one stays in the record,
-- superseded, and each file is superseded at most once.
ALTER TABLE cases_material ADD COLUMN replaces UUID REFERENCES cases_material (id);
CREATE UNIQUE INDEX cases_material_replaces_idx ON cases_material (replaces) WHERE replaces IS NOT NULL;
