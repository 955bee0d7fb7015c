-- The case file: what review learns of a case from intake's records, deadline, conversion and withdrawal events.
-- Keyed by case number and apart from the review: those events may come before the assignment.
create table case_file (
    case_number                 varchar(16)  primary key,
    records_complete_at         timestamptz,
    records_due_at              timestamptz,
    records_due_as_of           timestamptz,
    records_deadline_passed_at  timestamptz,
    records_days_late           int          not null default 0,
    late_penalty_dollars        int          not null default 0,
    determination_due_date      date,
    determination_due_as_of     timestamptz,
    converted_to_expedited_at   timestamptz,
    withdrawn_at                timestamptz,
    version                     bigint       not null default 0
);

-- References to the documents of every records upload; the bytes are in the document store, under sha256.
create table case_document (
    case_number      varchar(16)  not null references case_file (case_number),
    document_number  int          not null,
    document_id      varchar(36)  not null,
    name             varchar(255) not null,
    media_type       varchar(100) not null,
    size_bytes       bigint       not null,
    sha256           varchar(64)  not null,
    primary key (case_number, document_number),
    unique (case_number, document_id)
);

-- A withdrawn case leaves the desk without a determination.
alter table review add column withdrawn_at timestamptz;
-- Whether the reviewer decided after the records deadline, without complete records: kept, as records may come later.
alter table review add column decided_without_complete_records boolean not null default false;

-- The due date is no longer known at assignment: the clock starts with complete records, and the case file has it.
-- Dropping the column drops the worklist index that held it.
alter table review drop column determination_due_date;
create index review_worklist on review (reviewer_id, status);
