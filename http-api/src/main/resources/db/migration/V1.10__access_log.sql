-- Every read of protected health information by a person: who, in which role, what, when and from where
-- (org.imrflow.http.identity.AccessLog). Shipped by http-api and applied by every service. Never pruned: it is the
-- record of who saw PHI.
create table access_log (
    id           bigint generated always as identity primary key,
    accessed_at  timestamptz   not null,
    subject      varchar(255)  not null,
    role         varchar(40)   not null,
    organization varchar(100),
    what         varchar(40)   not null,
    request      varchar(500)  not null,
    address      varchar(100)
);

create index access_log_newest on access_log (accessed_at desc);
create index access_log_by_subject on access_log (subject, accessed_at desc);
