-- The operations view: notification-service's own projection of every event on the stream (consumer group
-- notification-service-operations). Non-PHI facts only: a one-line summary, never names or clinical text.
create table operations_event (
    event_id     uuid          primary key,
    event_type   varchar(200)  not null,
    case_number  varchar(16)   not null,
    source       varchar(63)   not null,
    occurred_at  timestamptz   not null,
    observed_at  timestamptz   not null,
    summary      varchar(300)  not null,
    reviewer_id  varchar(64)
);
create index operations_event_newest on operations_event (occurred_at desc, event_id);
create index operations_event_by_case on operations_event (case_number, occurred_at);

-- Each case's furthest stage; it only moves forward.
create table operations_case (
    case_number    varchar(16)  primary key,
    stage          varchar(20)  not null,
    first_event_at timestamptz  not null,
    last_event_at  timestamptz  not null,
    version        bigint       not null default 0
);
create index operations_case_by_stage on operations_case (stage);
