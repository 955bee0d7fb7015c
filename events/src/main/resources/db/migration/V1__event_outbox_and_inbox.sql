-- The outbox and the inbox, shipped by the events module and applied by every service.
-- Versions V1.x belong to the events module; each service's own migrations start at V2.

create table event_outbox (
    id           bigint generated always as identity primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    case_number  varchar(32)  not null,
    event_type   varchar(200) not null,
    event_source varchar(200) not null,
    payload      text         not null,
    occurred_at  timestamptz  not null,
    sent_at      timestamptz
);

-- The relay only ever reads unsent rows, oldest first.
create index event_outbox_unsent on event_outbox (id) where sent_at is null;

-- NOTIFY is delivered on commit only, so the relay wakes exactly when a new event becomes visible.
create function event_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('event_outbox', '');
    return null;
end
$$;

create trigger event_outbox_appended
    after insert on event_outbox
    for each statement execute function event_outbox_notify();

create table processed_event (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    event_type   varchar(200) not null,
    case_number  varchar(32)  not null,
    processed_at timestamptz  not null default now(),
    primary key (event_id, consumer)
);
