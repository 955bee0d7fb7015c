-- Which claims administrator organization filed each case, from imr.case-received: a claims administrator reads
-- only its own organization's letters. Nothing else of the application is kept here.
create table case_organization (
    case_number              varchar(16)   primary key,
    claims_administrator_org varchar(100)  not null,
    received_at              timestamptz   not null
);
