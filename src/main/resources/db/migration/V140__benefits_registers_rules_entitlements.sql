-- 免申即享. The registers the commission reads (demo adapters: population, status from other agencies, service
-- history, family-doctor contracts, pre-pregnancy bookings), the programmes' versioned rules, the entitlements a
-- match creates, opt-outs and runs. Register tables carry their source and the date each fact was recorded,
-- because an explanation says on which data a clause held.

-- population register: residence street/town is NULL for someone who does not live in Pudong
CREATE TABLE benefits_person (
    id_number        text PRIMARY KEY,
    sex              char(1) NOT NULL CHECK (sex IN ('F', 'M')),
    birth_date       date    NOT NULL,
    household_local  boolean NOT NULL,
    street           text,
    recorded_on      date    NOT NULL,
    source           text    NOT NULL
);

-- retirement (社保) and financial hardship (民政: 低保、低收入、特困) status, from other agencies
CREATE TABLE benefits_status (
    id_number    text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('RETIRED', 'HARDSHIP')),
    since        date NOT NULL,
    until        date,
    source       text NOT NULL,
    PRIMARY KEY (id_number, kind, since)
);

-- screening and check-up history
CREATE TABLE benefits_service (
    id_number    text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('TWO_CANCER_SCREENING', 'HEALTH_CHECK')),
    served_on    date NOT NULL,
    institution  text NOT NULL,
    source       text NOT NULL,
    PRIMARY KEY (id_number, kind, served_on)
);

CREATE TABLE benefits_contract (
    id_number    text PRIMARY KEY,
    signed_on    date NOT NULL,
    ended_on     date,
    institution  text NOT NULL,
    source       text NOT NULL
);

CREATE TABLE benefits_booking (
    id_number          text NOT NULL,
    booked_on          date NOT NULL,
    partner_id_number  text NOT NULL,
    partner_local      boolean NOT NULL,
    source             text NOT NULL,
    PRIMARY KEY (id_number, booked_on)
);

-- each saved version of a programme's rule; the one in force is the latest effective on or before today
CREATE TABLE benefits_rule (
    programme_code  text        NOT NULL,
    version         int         NOT NULL,
    effective_from  date        NOT NULL,
    clauses         jsonb       NOT NULL,
    saved_by        text        NOT NULL,
    saved_at        timestamptz NOT NULL,
    PRIMARY KEY (programme_code, version)
);

CREATE TABLE benefits_run (
    id           uuid PRIMARY KEY,
    started_by   text        NOT NULL,
    started_at   timestamptz NOT NULL,
    today        date        NOT NULL,
    matched      bigint,
    created      bigint,
    notified     bigint,
    seconds      double precision
);

-- one offer per person, programme and cycle (the calendar year): a second run or a rule change finds it already
-- made and neither creates nor notifies again
CREATE TABLE benefits_entitlement (
    id              uuid PRIMARY KEY,
    programme_code  text        NOT NULL,
    id_number       text        NOT NULL,
    cycle           int         NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'NOTIFIED', 'BOOKED', 'SERVED', 'DECLINED', 'EXPIRED')),
    rule_version    int         NOT NULL,
    street          text        NOT NULL,
    age_band        text        NOT NULL,
    created_at      timestamptz NOT NULL,
    notified_at     timestamptz,
    institution     text,
    slot_date       date,
    decided_at      timestamptz,
    UNIQUE (programme_code, id_number, cycle)
);
CREATE INDEX benefits_entitlement_person ON benefits_entitlement (id_number);
CREATE INDEX benefits_entitlement_pending ON benefits_entitlement (programme_code) WHERE status = 'PENDING';

-- a person's refusal of proactive offers: one programme, or all of them (programme_code '*')
CREATE TABLE benefits_opt_out (
    id_number       text        NOT NULL,
    programme_code  text        NOT NULL DEFAULT '*',
    opted_out_at    timestamptz NOT NULL,
    PRIMARY KEY (id_number, programme_code)
);
