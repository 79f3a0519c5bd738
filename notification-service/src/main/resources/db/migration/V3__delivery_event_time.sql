-- When the event behind a mail happened (its CloudEvent ce_time): the mail's latency, event to SMTP, is measured from it
ALTER TABLE email_delivery ADD COLUMN event_at timestamptz;
