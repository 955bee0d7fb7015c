-- Qualifications carry dates, not flags: the letter states them as facts on the day of the offer.
alter table reviewer add column licence_number      varchar(20);
alter table reviewer add column licence_expires_on  date;
alter table reviewer add column board_name          varchar(100);
alter table reviewer add column board_specialty     varchar(100);
alter table reviewer add column board_expires_on    date;
alter table reviewer add column practice_started_on date;
-- What the flags said, as dates: a licensed reviewer's licence holds far ahead, an unlicensed one's has lapsed; the
-- practice began as many years ago as was recorded (so "5 years" stays not more than five). Operations re-enter
-- the real numbers and dates; the board is not known, the certified specialty is what was recorded.
update reviewer set
    licence_number      = 'not recorded',
    licence_expires_on  = case when licensed_in_california then date '2099-12-31' else date '2000-01-01' end,
    board_name          = 'not recorded',
    board_specialty     = board_certification,
    practice_started_on = (current_date - make_interval(years => years_in_active_practice))::date;
alter table reviewer alter column licence_number      set not null;
alter table reviewer alter column licence_expires_on  set not null;
alter table reviewer alter column board_name          set not null;
alter table reviewer alter column board_specialty     set not null;
alter table reviewer alter column practice_started_on set not null;
alter table reviewer drop column licensed_in_california;
alter table reviewer drop column years_in_active_practice;
alter table reviewer drop column board_certification;

-- Offers: a case is OFFERED to a reviewer, who accepts (ACCEPTED) or declines. Before offers, assignment was acceptance.
alter table case_assignment rename column assigned_at to offered_at;
alter table case_assignment add column offer_number    int          not null default 0;
alter table case_assignment add column accepted_at     timestamptz;
alter table case_assignment add column waiting_since   timestamptz;
alter table case_assignment add column waiting_because varchar(200);
-- The requesting physician's specialty is not the test of who may review; the stored case-received still holds it.
alter table case_assignment drop column requested_specialty;
update case_assignment set status = 'ACCEPTED' where status = 'ASSIGNED';
update case_assignment set offer_number = 1, accepted_at = offered_at where reviewer_id is not null;
update case_assignment set waiting_since = received_at, waiting_because = 'no eligible reviewer'
    where status = 'AWAITING_REVIEWER';

-- Every offer of a case, with why the reviewer was chosen and why each other one was not (reasons, a JSON array).
create table assignment_offer (
    case_number     varchar(16)  not null references case_assignment (case_number),
    offer_number    int          not null,
    reviewer_id     varchar(64)  not null references reviewer (id),
    offered_at      timestamptz  not null,
    why_offered     varchar(30)  not null,
    operations_note varchar(500),
    reasons         text         not null default '[]',
    answer          varchar(20),
    decline_reason  varchar(30),
    answered_at     timestamptz,
    outcome         varchar(30),
    outcome_at      timestamptz,
    primary key (case_number, offer_number)
);
create index assignment_offer_reviewer on assignment_offer (reviewer_id, offered_at);
insert into assignment_offer (case_number, offer_number, reviewer_id, offered_at, why_offered, answer, answered_at,
                              outcome, outcome_at)
    select case_number, 1, reviewer_id, coalesce(offered_at, received_at), 'FIRST', 'ACCEPTED',
           coalesce(offered_at, received_at), 'ACCEPTED', coalesce(offered_at, received_at)
    from case_assignment where reviewer_id is not null;
