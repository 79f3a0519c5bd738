-- Wakes every replica's mail sender when mails are queued, on commit (LISTEN email_delivery: MailWakeUps), whoever
-- queued them (an event's consumer, the announcement dispatcher, the digest job of another replica); the sender's
-- polling stays as the fallback and for retries falling due.
create or replace function email_delivery_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('email_delivery', '');
    return null;
end $$;

create trigger email_delivery_wakeup after insert on email_delivery for each statement execute function email_delivery_notify();
