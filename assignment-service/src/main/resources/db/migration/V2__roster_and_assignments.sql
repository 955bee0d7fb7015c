create table reviewer (
    id                        varchar(64)  primary key,
    name                      varchar(200) not null,
    specialty                 varchar(100) not null,
    board_certification       varchar(100) not null,
    licensed_in_california    boolean      not null,
    years_in_active_practice  int          not null,
    weekly_clinical_hours     int          not null,
    active                    boolean      not null,
    -- one affiliation per line: employers, insurers, practices the reviewer may not review against
    affiliations              text         not null default ''
);

create table case_assignment (
    case_number             varchar(16)  primary key,
    status                  varchar(24)  not null,
    reviewer_id             varchar(64)  references reviewer (id),
    review_type             varchar(20)  not null,
    requested_specialty     varchar(100) not null,
    received_at             timestamptz  not null,
    assigned_at             timestamptz,
    determination_due_date  date,
    -- the case-received payload, kept so a case waiting for a reviewer can be assigned later without calling intake
    case_received           text         not null
);

create index case_assignment_reviewer on case_assignment (reviewer_id, status);
create index case_assignment_status on case_assignment (status, received_at);
