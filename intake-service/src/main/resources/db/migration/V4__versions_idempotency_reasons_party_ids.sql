-- Optimistic locking: two consumers (reviewer-assigned, letter-issued) and REST may write one case at once.
alter table imr_case add column version bigint not null default 0;

-- The same application filed twice (claim number, UR decision date, disputed items) is refused with 409. An
-- ineligible one may be filed again, corrected, so it does not hold its fingerprint.
alter table imr_case add column application_fingerprint char(64);
create unique index imr_case_application_once on imr_case (application_fingerprint) where status <> 'INELIGIBLE';

-- Idempotency-Key: a retried submission returns the case the first one made.
create table idempotency_key (
    idempotency_key  varchar(200) primary key,
    request_hash     char(64)     not null,
    case_number      varchar(16)  not null references imr_case (case_number),
    created_at       timestamptz  not null default now()
);

-- The screen's reasons, one row each, numbered from 1 in the order the screen gave them.
create table screening_reason (
    case_id        bigint        not null references imr_case (id),
    reason_number  int           not null,
    reason         varchar(500)  not null,
    primary key (case_id, reason_number)
);
insert into screening_reason (case_id, reason_number, reason)
select c.id, r.n, r.reason
from imr_case c, regexp_split_to_table(c.screening_reasons, E'\n') with ordinality as r(reason, n)
where c.screening_reasons <> '';
alter table imr_case drop column screening_reasons;

-- The parties' identifiers, which reviewers' conflicts of interest are checked against (names are for people).
alter table imr_case add column employer_id varchar(100);
alter table imr_case add column requesting_physician_npi char(10);
alter table imr_case add column representative_firm_id varchar(100);
alter table imr_case add column ur_organization_id varchar(100);
