-- The whole lifecycle (issue 8): what the application says of its filing, the Notice of Assignment, the medical
-- records, the determination's clock, expedited conversion and withdrawal.
alter table imr_case
    add column application_received_date      date,
    add column ur_service_method              varchar(30),
    add column ur_decision_attached           boolean not null default true,
    add column application_signed_by          varchar(30),
    add column formulary_dispute              boolean not null default false,
    add column requesting_physician_group_id  varchar(100),
    add column eligible_despite_liability     boolean not null default false,
    add column notice_method                  varchar(20) not null default 'ELECTRONIC',
    add column notice_due_at                  timestamptz,
    add column notice_sent_at                 timestamptz,
    add column records_due_at                 timestamptz,
    add column records_completed_at           timestamptz,
    add column records_deadline_passed_at     timestamptz,
    add column records_days_late              int not null default 0,
    add column records_penalty_dollars        int not null default 0,
    add column clock_started_at               timestamptz,
    add column determination_at_risk_at       timestamptz,
    add column determination_overdue_at       timestamptz,
    add column assigned_at                    timestamptz,
    add column converted_to_expedited_at      timestamptz,
    add column certification_received_date   date,
    add column withdrawn_at                   timestamptz,
    add column treatment_authorized_date      date;

-- Cases filed before: received the day intake got them, served by mail (the longer window), signed by the employee.
update imr_case set application_received_date = (received_at at time zone 'America/Los_Angeles')::date,
                    ur_service_method = 'MAIL',
                    application_signed_by = case when application_signed_date is null then null else 'EMPLOYEE' end;
alter table imr_case alter column application_received_date set not null,
                     alter column ur_service_method set not null;

-- Earlier reviews of the same claim's treatments: found by claim.
create index imr_case_claim on imr_case (claims_administrator_org, claim_number);

-- The medical records: one row per document of a case; the bytes are in the document store, once, by SHA-256.
create table case_document (
    document_id  uuid         primary key,
    case_id      bigint       not null references imr_case (id),
    name         varchar(255) not null,
    media_type   varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    uploaded_at  timestamptz  not null,
    unique (case_id, sha256)
);
