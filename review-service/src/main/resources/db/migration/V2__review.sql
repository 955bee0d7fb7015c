create table review (
    case_number                  varchar(16)  primary key,
    reviewer_id                  varchar(64)  not null,
    status                       varchar(20)  not null,
    review_type                  varchar(20)  not null,
    reviewer_specialty           varchar(100) not null,
    reviewer_board_certification varchar(100) not null,
    assigned_at                  timestamptz  not null,
    determination_due_date       date         not null,
    ur_guideline_based_on_mtus   boolean      not null,
    ur_guideline_citation        varchar(500) not null,
    -- the disputed items as reviewer-assigned carried them (JSON array); they do not change
    disputed_items               text         not null,
    clinical_case_summary        text,
    decided_at                   timestamptz
);

create index review_worklist on review (reviewer_id, status, determination_due_date);

create table item_decision (
    case_number                  varchar(16)   not null references review (case_number),
    item_number                  int           not null,
    outcome                      varchar(16)   not null,
    ca_guideline_based_on_mtus   boolean       not null,
    ca_guideline_citation        varchar(500)  not null,
    evidence_level               varchar(60)   not null,
    guideline_source             varchar(300)  not null,
    guideline_chapter            varchar(300),
    guideline_pages              varchar(60),
    rationale                    text          not null,
    primary key (case_number, item_number)
);
