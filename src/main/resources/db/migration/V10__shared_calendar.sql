-- The working-day calendar that every statutory time limit counts on. A year is known only once an
-- administrator has entered the State Council General Office's notice for it; until then nothing
-- may count into it, because guessing would silently move legal deadlines.
CREATE TABLE shared_calendar_year
(
  year        INT PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
  source      TEXT NOT NULL CHECK (btrim(source) <> ''),
  entered_by  TEXT NOT NULL,
  entered_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Only the exceptions to "Monday to Friday": OFF = a statutory holiday (weekday or weekend),
-- WORK = a make-up working day, which by definition falls on a weekend.
CREATE TABLE shared_calendar_day
(
  day   DATE PRIMARY KEY,
  year  INT NOT NULL REFERENCES shared_calendar_year (year),
  kind  TEXT NOT NULL CHECK (kind IN ('OFF', 'WORK')),
  name  TEXT NOT NULL CHECK (btrim(name) <> ''),
  CHECK (extract(year FROM day) = year),
  CHECK (kind = 'OFF' OR extract(isodow FROM day) IN (6, 7))
);

-- One row whose number changes with every committed edit, so that each instance can tell with one
-- primary-key read whether its in-memory copy is stale. The number comes from a sequence, which
-- never hands out a value twice even when the edit rolls back, so a copy read inside a transaction
-- that later rolled back can never be mistaken for current.
CREATE SEQUENCE shared_calendar_revision_seq;
CREATE TABLE shared_calendar_revision
(
  id        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
  revision  BIGINT NOT NULL
);
INSERT INTO shared_calendar_revision (revision) VALUES (nextval('shared_calendar_revision_seq'));

INSERT INTO shared_calendar_year (year, source, entered_by) VALUES
  (2024, '国务院办公厅关于2024年部分节假日安排的通知', '系统初始数据'),
  (2025, '国务院办公厅关于2025年部分节假日安排的通知', '系统初始数据'),
  (2026, '国务院办公厅关于2026年部分节假日安排的通知', '系统初始数据');

-- Exactly as published; 9 February 2024 (New Year's Eve) stays an ordinary working day because the
-- notice only encouraged employers to give it off.
INSERT INTO shared_calendar_day (day, year, kind, name)
SELECT d::date, extract(year FROM d)::int, r.kind, r.name
FROM (VALUES
  ('2024-01-01'::date, '2024-01-01'::date, 'OFF',  '元旦'),
  ('2024-02-04',       '2024-02-04',       'WORK', '春节'),
  ('2024-02-10',       '2024-02-17',       'OFF',  '春节'),
  ('2024-02-18',       '2024-02-18',       'WORK', '春节'),
  ('2024-04-04',       '2024-04-06',       'OFF',  '清明节'),
  ('2024-04-07',       '2024-04-07',       'WORK', '清明节'),
  ('2024-04-28',       '2024-04-28',       'WORK', '劳动节'),
  ('2024-05-01',       '2024-05-05',       'OFF',  '劳动节'),
  ('2024-05-11',       '2024-05-11',       'WORK', '劳动节'),
  ('2024-06-10',       '2024-06-10',       'OFF',  '端午节'),
  ('2024-09-14',       '2024-09-14',       'WORK', '中秋节'),
  ('2024-09-15',       '2024-09-17',       'OFF',  '中秋节'),
  ('2024-09-29',       '2024-09-29',       'WORK', '国庆节'),
  ('2024-10-01',       '2024-10-07',       'OFF',  '国庆节'),
  ('2024-10-12',       '2024-10-12',       'WORK', '国庆节'),

  ('2025-01-01',       '2025-01-01',       'OFF',  '元旦'),
  ('2025-01-26',       '2025-01-26',       'WORK', '春节'),
  ('2025-01-28',       '2025-02-04',       'OFF',  '春节'),
  ('2025-02-08',       '2025-02-08',       'WORK', '春节'),
  ('2025-04-04',       '2025-04-06',       'OFF',  '清明节'),
  ('2025-04-27',       '2025-04-27',       'WORK', '劳动节'),
  ('2025-05-01',       '2025-05-05',       'OFF',  '劳动节'),
  ('2025-05-31',       '2025-06-02',       'OFF',  '端午节'),
  ('2025-09-28',       '2025-09-28',       'WORK', '国庆节、中秋节'),
  ('2025-10-01',       '2025-10-08',       'OFF',  '国庆节、中秋节'),
  ('2025-10-11',       '2025-10-11',       'WORK', '国庆节、中秋节'),

  ('2026-01-01',       '2026-01-03',       'OFF',  '元旦'),
  ('2026-01-04',       '2026-01-04',       'WORK', '元旦'),
  ('2026-02-14',       '2026-02-14',       'WORK', '春节'),
  ('2026-02-15',       '2026-02-23',       'OFF',  '春节'),
  ('2026-02-28',       '2026-02-28',       'WORK', '春节'),
  ('2026-04-04',       '2026-04-06',       'OFF',  '清明节'),
  ('2026-05-01',       '2026-05-05',       'OFF',  '劳动节'),
  ('2026-05-09',       '2026-05-09',       'WORK', '劳动节'),
  ('2026-06-19',       '2026-06-21',       'OFF',  '端午节'),
  ('2026-09-20',       '2026-09-20',       'WORK', '国庆节'),
  ('2026-09-25',       '2026-09-27',       'OFF',  '中秋节'),
  ('2026-10-01',       '2026-10-07',       'OFF',  '国庆节'),
  ('2026-10-10',       '2026-10-10',       'WORK', '国庆节')
) AS r (first_day, last_day, kind, name)
CROSS JOIN LATERAL generate_series(r.first_day, r.last_day, interval '1 day') AS d;
