-- A case's events that a service dead-lettered, as that service's dead-letter office announced them
-- (imr.event-dead-lettered, imr.dead-letter-replayed). The case is stuck while one of them is not replayed.
-- Either announcement may arrive first: they travel on two topics. Hence type, reason and time may be null.
create table stuck_event (
    id                bigint generated always as identity primary key,
    case_id           bigint        not null references imr_case (id),
    service           varchar(63)   not null,
    dead_letter_id    bigint        not null,
    event_type        varchar(200),
    reason            varchar(1000),
    dead_lettered_at  timestamptz,
    replayed_at       timestamptz,
    version           bigint        not null default 0,
    constraint stuck_event_once unique (service, dead_letter_id)
);

create index stuck_event_not_replayed on stuck_event (case_id) where replayed_at is null;
