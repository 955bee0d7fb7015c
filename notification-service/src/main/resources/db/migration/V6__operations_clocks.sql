-- The operations view's clocks and reviewers: what the stream told of each case's determination clock and reviewer
-- (CaseMilestones), and the stage each event brought its case to, for the pipeline's rates.
alter table operations_case
    add column clock_started_at       timestamptz,
    add column determination_due_date date,
    add column reviewer_id            varchar(64),
    add column assigned_at            timestamptz,
    add column decided_at             timestamptz;
create index operations_case_open_by_due on operations_case (determination_due_date) where decided_at is null;
create index operations_case_by_reviewer on operations_case (reviewer_id) where reviewer_id is not null;
create index operations_case_decided on operations_case (decided_at) where decided_at is not null;

alter table operations_event add column stage_reached varchar(20);
create index operations_event_stage_entries on operations_event (occurred_at) where stage_reached is not null;
