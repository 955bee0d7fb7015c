-- A withdrawn case (8 CCR 9792.10.6(a)) is off its reviewer's desk, or never assigned: status WITHDRAWN.
alter table case_assignment add column withdrawn_at timestamptz;

-- Withdrawals that came before their case-received: the case is stored as withdrawn when it arrives.
create table early_withdrawal (
    case_number   varchar(16)  primary key,
    withdrawn_at  timestamptz  not null
);
