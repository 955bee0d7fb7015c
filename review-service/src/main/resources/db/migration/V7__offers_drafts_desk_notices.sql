-- Offers (issue 9): a case is offered to a reviewer, who accepts or declines it, or lets it run out; a later offer
-- (higher number) moves the case to another reviewer.
alter table review add column offer_number     int         not null default 1;
alter table review add column offered_at       timestamptz;
alter table review add column offer_expires_at timestamptz;
alter table review add column accepted_at      timestamptz;
alter table review add column declined_at      timestamptz;
alter table review add column decline_reason   varchar(30);
-- The application's facts the offer carries (no names, no claim number); null on offers from before them.
alter table review add column date_of_injury                 date;
alter table review add column ur_decision_date               date;
alter table review add column requesting_physician_specialty varchar(100);
-- Before offers, assignment was acceptance.
update review set status = 'ACCEPTED', offered_at = assigned_at, accepted_at = assigned_at where status = 'PENDING';
update review set offered_at = assigned_at where offered_at is null;
alter table review alter column offered_at set not null;

-- The worksheet's draft: the one of the case's current reviewer, as JSON; gone when the case moves or is decided.
create table review_draft (
    case_number varchar(16) primary key references review (case_number),
    reviewer_id varchar(64) not null,
    revision    int         not null,
    worksheet   text        not null,
    saved_at    timestamptz not null
);

-- The desk's notices, for the live page: per reviewer a gap-free sequence, taken from desk_sequence in the transaction
-- of the change, so a reviewer's notices commit in sequence order. No PHI.
create table desk_sequence (
    reviewer_id varchar(64) primary key,
    last_seq    bigint      not null
);
create table desk_notice (
    reviewer_id varchar(64) not null,
    seq         bigint      not null,
    case_number varchar(16) not null,
    kind        varchar(20) not null,
    at          timestamptz not null,
    primary key (reviewer_id, seq)
);
