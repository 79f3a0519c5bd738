-- A person's in-app inbox.
CREATE TABLE notification (
    id           uuid         PRIMARY KEY,
    recipient_id uuid         NOT NULL,
    kind         varchar(64)  NOT NULL,
    subject      varchar(300) NOT NULL,
    body         text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    read_at      timestamptz
);

CREATE INDEX notification_by_recipient ON notification (recipient_id, created_at DESC);

-- Each email the service sends or tries to send, and what became of it.
CREATE TABLE email_delivery (
    id           uuid         PRIMARY KEY,
    recipient_id uuid         NOT NULL,
    email        varchar(320) NOT NULL,
    kind         varchar(64)  NOT NULL,
    subject      varchar(300) NOT NULL,
    status       varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts     integer      NOT NULL DEFAULT 0,
    last_error   text,
    created_at   timestamptz  NOT NULL,
    sent_at      timestamptz
);

CREATE INDEX email_delivery_by_status ON email_delivery (status, created_at DESC);
