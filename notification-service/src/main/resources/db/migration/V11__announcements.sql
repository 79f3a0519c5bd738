-- Issue 20: organizers write to an audience of their program (announcements), chosen by track, role and status.
-- The membership read model learns each registration's status from the events this service already reads:
-- late (ParticipantRegistered's registration.late), matched (an active pairing: PairingCreated, PairingDissolved,
-- PairingEnded), waitlisted (MenteeWaitlisted, cleared by a later pairing or a withdrawal). Each table is written
-- order-tolerantly: pairing and waitlist facts are kept apart from the membership and joined when an audience is read.
ALTER TABLE membership ADD COLUMN late boolean NOT NULL DEFAULT false;

-- Each pairing this service heard of and whether it is still on; created_at is its event's time (a waitlisting told
-- before it, but read after it, is not a waitlisting any more).
CREATE TABLE member_pairing (
    pairing_id uuid        PRIMARY KEY,
    track_id   uuid,
    mentor_id  uuid,
    mentee_id  uuid,
    status     varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'DISSOLVED', 'ENDED')),
    created_at timestamptz,
    updated_at timestamptz NOT NULL
);
CREATE INDEX member_pairing_mentor ON member_pairing (track_id, mentor_id) WHERE status = 'ACTIVE';
CREATE INDEX member_pairing_mentee ON member_pairing (track_id, mentee_id) WHERE status = 'ACTIVE';
CREATE INDEX member_pairing_by_mentor ON member_pairing (mentor_id);
CREATE INDEX member_pairing_by_mentee ON member_pairing (mentee_id);

-- Mentees waiting for a mentor in a track, since when (the MenteeWaitlisted event's time).
CREATE TABLE waitlist_entry (
    track_id       uuid        NOT NULL,
    participant_id uuid        NOT NULL,
    waitlisted_at  timestamptz NOT NULL,
    PRIMARY KEY (track_id, participant_id)
);
CREATE INDEX waitlist_entry_by_participant ON waitlist_entry (participant_id);

-- A new optional kind of mail: announcements of the organizers (on unless turned off; essential ones always go).
ALTER TABLE preference ADD COLUMN announcements boolean NOT NULL DEFAULT true;

-- An organizer's message to an audience of their program, now or at send_at. Delivered once per person: its inbox
-- entries and mails carry the event id 'announcement:<id>' (unique with the recipient, as every notice's).
CREATE TABLE announcement (
    id              uuid          PRIMARY KEY,
    program_id      uuid          NOT NULL,
    subject         varchar(200)  NOT NULL,
    body            varchar(20000) NOT NULL,
    track_id        uuid,
    role            varchar(16)   CHECK (role IN ('MENTOR', 'MENTEE')),
    audience_status varchar(16)   CHECK (audience_status IN ('MATCHED', 'WAITLISTED', 'WITHDRAWN', 'LATE')),
    essential       boolean       NOT NULL,
    send_at         timestamptz   NOT NULL,
    status          varchar(16)   NOT NULL CHECK (status IN ('SCHEDULED', 'SENT', 'CANCELLED')),
    recipients      integer,
    created_by      uuid          NOT NULL,
    created_at      timestamptz   NOT NULL,
    dispatched_at   timestamptz,
    cancelled_at    timestamptz,
    version         bigint        NOT NULL DEFAULT 0
);
CREATE INDEX announcement_due ON announcement (send_at) WHERE status = 'SCHEDULED';
CREATE INDEX announcement_by_program ON announcement (program_id, created_at DESC);

-- Organizer commands of this service (announcements) are audited: AuditRecorded on mentorship.audit, through
-- service-runtime's outbox, in the transaction of the command.
CREATE TABLE outbox_event (
    seq          bigserial    PRIMARY KEY,
    id           uuid         NOT NULL UNIQUE,
    topic        varchar(200) NOT NULL,
    event_key    varchar(200) NOT NULL,
    type         varchar(100) NOT NULL,
    subject      varchar(200),
    data_schema  varchar(500) NOT NULL,
    payload      text         NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    published_at timestamptz,
    ephemeral    boolean      NOT NULL DEFAULT false
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_by_key ON outbox_event (event_key);
