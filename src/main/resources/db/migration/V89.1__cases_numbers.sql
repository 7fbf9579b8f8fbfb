-- 办件编号 and 查询码. A case is numbered when it is submitted (a draft has none): year-sequenced in the
-- commission's time zone, e.g. 2026-000123. The UUID stays the internal key; the number is what people read,
-- say on the phone and type. The query code (8 characters without 0/O, 1/I/L) lets anyone holding both look
-- up the progress without an account. It is kept in plain text, not hashed: the owner and the staff handling
-- the case must be able to read it again (a lost receipt, an applicant at the window), it opens no personal
-- data, and whoever reads this table reads the applicant's name and ID number beside it anyway.
ALTER TABLE cases_case
    ADD COLUMN case_number TEXT,
    ADD COLUMN query_code  TEXT;
CREATE UNIQUE INDEX cases_case_number_idx ON cases_case (case_number);

-- One row per year; advanced with INSERT … ON CONFLICT … RETURNING, so concurrent submissions queue on the
-- row and never share a number.
CREATE TABLE cases_number_counter (
    year       INTEGER PRIMARY KEY,
    last_value BIGINT  NOT NULL
);

-- Back-fill: submitted cases in order of submission per year; query codes from the server's strong random
-- source (gen_random_uuid's random bytes, skipping the version byte), as the application draws them with
-- SecureRandom.
CREATE FUNCTION cases_backfill_query_code() RETURNS TEXT LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    alphabet CONSTANT TEXT := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
    bytes BYTEA := uuid_send(gen_random_uuid());
    code TEXT := '';
BEGIN
    FOR i IN 0..7 LOOP
        code := code || substr(alphabet, get_byte(bytes, CASE WHEN i < 6 THEN i ELSE i + 3 END) % 31 + 1, 1);
    END LOOP;
    RETURN code;
END $$;

WITH numbered AS (
    SELECT id, extract(YEAR FROM submitted_at AT TIME ZONE 'Asia/Shanghai')::INTEGER AS year,
           row_number() OVER (PARTITION BY extract(YEAR FROM submitted_at AT TIME ZONE 'Asia/Shanghai')
                              ORDER BY submitted_at, id) AS seq
    FROM cases_case WHERE submitted_at IS NOT NULL)
UPDATE cases_case c
SET case_number = n.year || '-' || lpad(n.seq::TEXT, greatest(6, length(n.seq::TEXT)), '0'),
    query_code  = cases_backfill_query_code()
FROM numbered n WHERE c.id = n.id;

INSERT INTO cases_number_counter (year, last_value)
SELECT split_part(case_number, '-', 1)::INTEGER, max(split_part(case_number, '-', 2)::BIGINT)
FROM cases_case WHERE case_number IS NOT NULL GROUP BY 1;

DROP FUNCTION cases_backfill_query_code();
