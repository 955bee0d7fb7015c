-- Optimistic locking: the case-received consumer, the sweep and roster changes may assign one case at once.
alter table case_assignment add column version bigint not null default 0;
alter table reviewer add column version bigint not null default 0;

-- DECIDED once decision-recorded arrives: a reviewer's load is the cases still open on their desk.
alter table case_assignment add column decided_at timestamptz;

-- Affiliations as rows, not newline-joined text.
create table reviewer_affiliation (
    reviewer_id        varchar(64)  not null references reviewer (id),
    affiliation_number int          not null,
    affiliation        varchar(200) not null,
    primary key (reviewer_id, affiliation_number)
);
insert into reviewer_affiliation (reviewer_id, affiliation_number, affiliation)
select r.id, a.n, a.affiliation
from reviewer r, regexp_split_to_table(r.affiliations, E'\n') with ordinality as a(affiliation, n)
where r.affiliations <> '';
alter table reviewer drop column affiliations;
