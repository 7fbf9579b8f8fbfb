-- 免申即享: where a programme is delivered (reform task 37). The responsible division lists, for each programme,
-- the institutions that serve it (one street/town each, or the whole district when street is NULL) and opens
-- bookable slots at them with a capacity; a booking takes one place with a conditional update
-- (booked < capacity), so that concurrent bookings never overbook, and cancelling or declining gives it back.

CREATE TABLE benefits_institution (
    id              uuid PRIMARY KEY,
    programme_code  text        NOT NULL,
    name            text        NOT NULL,
    street          text,
    address         text        NOT NULL,
    phone           text        NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    closed_by       text,
    closed_at       timestamptz,
    UNIQUE (programme_code, name)
);
CREATE INDEX benefits_institution_street ON benefits_institution (programme_code, street);

-- band is '' for a whole day, or 上午 / 下午
CREATE TABLE benefits_slot (
    id              uuid PRIMARY KEY,
    institution_id  uuid NOT NULL REFERENCES benefits_institution (id),
    day             date NOT NULL,
    band            text NOT NULL DEFAULT '' CHECK (band IN ('', '上午', '下午')),
    capacity        int  NOT NULL CHECK (capacity > 0),
    booked          int  NOT NULL DEFAULT 0,
    CHECK (booked >= 0 AND booked <= capacity),
    UNIQUE (institution_id, day, band)
);

ALTER TABLE benefits_entitlement
    ADD COLUMN slot_id    uuid REFERENCES benefits_slot (id),
    ADD COLUMN slot_band  text,
    ADD COLUMN booked_at  timestamptz,
    ADD COLUMN served_on  date;
CREATE INDEX benefits_entitlement_slot ON benefits_entitlement (slot_id) WHERE slot_id IS NOT NULL;
