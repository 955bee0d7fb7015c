-- The dead-letter office, shipped by the events module and applied by every service (see DeadLetterOffice).
-- One row per record on one of the service's own dead-letter topics: metadata only, never the payload, which may
-- hold PHI. Replay reads the record back from its dead-letter topic by (dlq_topic, dlq_partition, dlq_offset).
-- Header values come from whatever landed on the topic, so they are text and may be missing.

create table dead_letter (
    id               bigint generated always as identity primary key,
    dlq_topic        text         not null,
    dlq_partition    integer      not null,
    dlq_offset       bigint       not null,
    source_topic     text,
    source_partition integer,
    source_offset    bigint,
    event_id         text,
    event_type       text,
    case_number      text,
    reason           text,
    exception_class  text,
    dead_lettered_at timestamptz  not null,
    recorded_at      timestamptz  not null default now(),
    replayed_at      timestamptz,
    replay_count     integer      not null default 0,
    -- A redelivered dead letter is the same row.
    constraint dead_letter_record unique (dlq_topic, dlq_partition, dlq_offset)
);

-- The list and the gauge ask mostly for the dead letters not yet replayed.
create index dead_letter_not_replayed on dead_letter (dead_lettered_at) where replayed_at is null;
