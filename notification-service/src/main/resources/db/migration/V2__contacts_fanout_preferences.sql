-- What this service keeps from the other services' events to address people.
CREATE TABLE contact (
    participant_id uuid         PRIMARY KEY,
    name           varchar(200) NOT NULL,
    email          varchar(320) NOT NULL,
    time_zone      varchar(64)  NOT NULL,
    updated_at     timestamptz  NOT NULL
);

CREATE TABLE membership (
    registration_id uuid        PRIMARY KEY,
    participant_id  uuid        NOT NULL,
    program_id      uuid        NOT NULL,
    track_id        uuid        NOT NULL,
    role            varchar(16) NOT NULL CHECK (role IN ('MENTOR', 'MENTEE')),
    status          varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN'))
);

CREATE INDEX membership_audience ON membership (track_id, role) WHERE status = 'ACTIVE';
CREATE INDEX membership_by_participant ON membership (participant_id);

CREATE TABLE track_info (
    track_id          uuid         PRIMARY KEY,
    program_id        uuid         NOT NULL,
    program_name      varchar(200) NOT NULL,
    name              varchar(200) NOT NULL,
    kind              varchar(16)  NOT NULL,
    first_contact_due timestamptz,
    first_contact_on  varchar(100),
    updated_at        timestamptz  NOT NULL
);

-- Organizers this service has seen (signed in with the organizer role): they get organizer notices in the app too.
CREATE TABLE organizer (
    participant_id uuid         PRIMARY KEY,
    name           varchar(200) NOT NULL,
    email          varchar(320) NOT NULL,
    seen_at        timestamptz  NOT NULL
);

-- Which notices a person wants by email (the mandatory ones always go), and a daily digest of the optional ones.
CREATE TABLE preference (
    participant_id uuid        PRIMARY KEY,
    deadlines      boolean     NOT NULL,
    meetings       boolean     NOT NULL,
    inactivity     boolean     NOT NULL,
    daily_digest   boolean     NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE processed_event (
    event_id     varchar(200) PRIMARY KEY,
    type         varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL
);

-- One inbox entry and one email per event and recipient: the idempotency key.
ALTER TABLE notification
    ADD COLUMN event_id   varchar(200),
    ADD COLUMN event_type varchar(100),
    ADD COLUMN category   varchar(32) NOT NULL DEFAULT 'ACCOUNT';
CREATE UNIQUE INDEX notification_once_per_event ON notification (event_id, recipient_id) WHERE event_id IS NOT NULL;
CREATE INDEX notification_by_event ON notification (event_id);

ALTER TABLE email_delivery
    DROP CONSTRAINT email_delivery_status_check,
    ADD CONSTRAINT email_delivery_status_check CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DIGEST', 'DIGESTED')),
    ADD COLUMN event_id         varchar(200),
    ADD COLUMN event_type       varchar(100),
    ADD COLUMN text_body        text,
    ADD COLUMN html_body        text,
    ADD COLUMN attachment_name  varchar(200),
    ADD COLUMN attachment       text,
    ADD COLUMN next_attempt_at  timestamptz,
    ADD COLUMN claimed_until    timestamptz;
CREATE UNIQUE INDEX email_delivery_once_per_event ON email_delivery (event_id, recipient_id) WHERE event_id IS NOT NULL;
CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX email_delivery_digest ON email_delivery (recipient_id) WHERE status = 'DIGEST';
