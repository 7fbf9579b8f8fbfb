-- 行业综合许可证 (一业一证): one licence carrying the permits of its parts. For an integrated licence case_id is the
-- integrated application it was issued from (the parts are ordinary cases, listed here).
ALTER TABLE licences_licence ADD COLUMN integrated BOOLEAN NOT NULL DEFAULT FALSE;

-- The parts of an integrated licence in the order it lists them: the underlying item, the case that decided it and,
-- when the item issues a licence, that licence's number (a filing issues none: its case number stands).
CREATE TABLE licences_part (
    number          TEXT    NOT NULL REFERENCES licences_licence (number),
    position        INTEGER NOT NULL,
    item_code       TEXT    NOT NULL,
    item_name       TEXT    NOT NULL,
    case_id         UUID    NOT NULL,
    case_number     TEXT,
    part_number     TEXT REFERENCES licences_licence (number),
    PRIMARY KEY (number, position)
);
CREATE INDEX licences_part_part_number_idx ON licences_part (part_number);
