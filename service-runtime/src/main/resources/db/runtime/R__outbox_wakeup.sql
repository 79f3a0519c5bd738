-- Wakes the outbox relay on commit (service-runtime OutboxRelay, PgNotifications): once per inserting statement;
-- PostgreSQL delivers a notification only if the transaction commits, and one per channel and transaction.
create or replace function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end $$;

drop trigger if exists outbox_event_wakeup on outbox_event;
create trigger outbox_event_wakeup after insert on outbox_event for each statement execute function outbox_event_notify();
