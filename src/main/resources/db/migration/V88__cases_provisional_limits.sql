-- A limit that reaches a year whose holiday arrangement is not yet published is now computed on the
-- provisional calendar (the statutory holidays of 《全国年节及纪念日放假办法》) and marked so, instead of
-- waiting; it is recomputed when the year is entered.
ALTER TABLE cases_case RENAME COLUMN limits_pending TO limits_provisional;
