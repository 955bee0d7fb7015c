-- "case" is reserved in SQL, hence imr_case.
create sequence imr_case_number_seq;

create table imr_case (
    id                              bigint generated always as identity primary key,
    case_number                     varchar(16)  not null unique,
    status                          varchar(20)  not null,
    review_type                     varchar(20)  not null,
    received_at                     timestamptz  not null,
    claims_administrator_org        varchar(100) not null,
    claims_administrator_name       varchar(200) not null,
    employee_name                   varchar(200) not null,
    employee_represented            boolean      not null,
    representative_name             varchar(200),
    representative_firm             varchar(200),
    claim_number                    varchar(60)  not null,
    date_of_injury                  date         not null,
    employer                        varchar(200) not null,
    requesting_physician            varchar(200) not null,
    requesting_physician_specialty  varchar(100) not null,
    ur_decision_date                date         not null,
    ur_decision_served_date         date         not null,
    ur_decision_type                varchar(40)  not null,
    ur_guideline_based_on_mtus      boolean      not null,
    ur_guideline_citation           varchar(500) not null,
    application_signed_date         date,
    liability_disputed              boolean      not null,
    screening_reasons               text         not null default ''
);

create index imr_case_status on imr_case (status, id);
create index imr_case_org on imr_case (claims_administrator_org, id);

create table disputed_item (
    case_id      bigint        not null references imr_case (id),
    item_number  int           not null,
    description  varchar(1000) not null,
    category     varchar(40)   not null,
    icd10_code   varchar(10),
    primary key (case_id, item_number)
);
