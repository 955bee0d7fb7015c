-- How each case closed on the letter side, from imr.decision-recorded and imr.case-withdrawn: with its Final
-- Determination, or withdrawn with no letter (8 CCR 9792.10.6(a)). Whichever comes first inserts the row; the primary
-- key makes the two exclude each other, so a withdrawn case gets no letter. A withdrawal that comes after the letter is
-- kept on the letter's row (withdrawn_at), and the letter stands.
create table case_closure (
    case_number                varchar(16)  primary key,
    closed_as                  varchar(30)  not null check (closed_as in ('FINAL_DETERMINATION', 'WITHDRAWN')),
    closed_at                  timestamptz  not null,
    withdrawn_at               timestamptz,
    treatment_authorized_date  date,
    version                    bigint       not null default 0
);

-- The letters issued so far closed their cases.
insert into case_closure (case_number, closed_as, closed_at)
select case_number, 'FINAL_DETERMINATION', issued_at from letter;
