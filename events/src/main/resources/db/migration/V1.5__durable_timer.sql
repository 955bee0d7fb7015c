-- Durable timers (org.imrflow.events.timer): a deadline of a case, kept in the owning service's database so it
-- survives restarts. A timer is deleted when it fires (in the transaction that acts on it) or when it is cancelled,
-- so one that exists is pending. One timer per case and kind: scheduling again moves it.
create table durable_timer (
    case_number  varchar(16)  not null,
    kind         varchar(40)  not null,
    due_at       timestamptz  not null,
    scheduled_at timestamptz  not null,
    primary key (case_number, kind)
);
create index durable_timer_due on durable_timer (due_at);
