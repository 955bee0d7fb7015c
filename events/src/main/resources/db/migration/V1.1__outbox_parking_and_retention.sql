-- A row Kafka refuses for good (too large, invalid topic) is parked with its reason instead of stalling the relay.
-- Its case's later rows wait behind it, so per-case order holds; other cases keep flowing.
alter table event_outbox add column parked_at timestamptz;
alter table event_outbox add column park_reason varchar(1000);

create index event_outbox_parked on event_outbox (case_number) where parked_at is not null and sent_at is null;

-- Retention: sent rows and old inbox entries are pruned in small batches, oldest first.
create index event_outbox_sent on event_outbox (sent_at) where sent_at is not null;
create index processed_event_age on processed_event (processed_at);
