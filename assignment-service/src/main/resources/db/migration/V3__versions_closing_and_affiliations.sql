-- Optimistic locking: the case-received consumer, the sweep and roster changes may assign one case at once.
alter table case_assignment add column version bigint not null default 0;
alter table reviewer add column version bigint not null default 0;

-- DECIDED once decision-recorded arrives: a reviewer's load is the cases still open on their desk.
alter table case_assignment add column decided_at timestamptz;

-- Affiliations as rows, by kind and identifier: conflicts of interest are checked by identifier, never by name.
-- The names kept so far cannot be turned into identifiers: they are dropped, and operations re-enter them.
create table reviewer_affiliation (
    reviewer_id        varchar(64)  not null references reviewer (id),
    affiliation_number int          not null,
    kind               varchar(30)  not null,
    identifier         varchar(100) not null,
    primary key (reviewer_id, affiliation_number)
);
create index reviewer_affiliation_party on reviewer_affiliation (kind, identifier);
alter table reviewer drop column affiliations;
