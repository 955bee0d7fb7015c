-- What notification knows of each case besides its letter: who filed it, the claim, and the parties' contacts (from
-- case-received, or case-ineligible when it never reached review). The parties' details stay here, in the service
-- that addresses and delivers documents; the public archive de-identifies against them.
alter table case_organization rename to case_file;
alter table case_file
    add column claim_number  varchar(60),
    add column contacts      text,
    add column case_received text;

-- Delivery timers are named "delivery:<uuid>".
alter table durable_timer alter column kind type varchar(60);

-- A document waiting to be issued: its trigger (the event that asked for it) until the case's parties are known.
create table document_request (
    case_number  varchar(16)  not null,
    kind         varchar(40)  not null,
    trigger_json text         not null,
    requested_at timestamptz  not null,
    primary key (case_number, kind)
);

-- Every document as issued, once per case and kind; its PDF is in the document store under its SHA-256.
create table document (
    document_id  uuid         primary key,
    case_number  varchar(16)  not null,
    kind         varchar(40)  not null,
    issued_at    timestamptz  not null,
    sha256       char(64)     not null,
    html         text         not null,
    text_body    text         not null,
    -- the event it was made from, so that a correction can be made from it again
    trigger_json text         not null,
    supersedes   uuid         references document (document_id)
);
create unique index document_once on document (case_number, kind) where supersedes is null;
create index document_case on document (case_number, issued_at);

-- An issued document never changes: a correction is a new document that supersedes it.
create function document_never_changes() returns trigger language plpgsql as $$
begin
    raise exception 'document % was issued and never changes; issue a correction that supersedes it', old.document_id;
end $$;
create trigger document_never_changes before update on document
    for each row execute function document_never_changes();

-- One party's delivery of one document, by one channel. Survives restarts; its durable timer drives each attempt.
create table delivery (
    delivery_id      uuid          primary key,
    document_id      uuid          not null references document (document_id),
    case_number      varchar(16)   not null,
    party_role       varchar(30)   not null,
    channel          varchar(10)   not null,
    target           varchar(2000),
    subscription_id  uuid,
    status           varchar(10)   not null,
    attempts         int           not null default 0,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    next_attempt_at  timestamptz,
    sent_at          timestamptz,
    last_error       varchar(1000),
    version          bigint        not null default 0
);
create index delivery_document on delivery (document_id);
create index delivery_status on delivery (status, next_attempt_at);

-- A claims administrator organization's webhook: an HTTPS URL and the secret deliveries are signed with.
create table webhook_subscription (
    subscription_id          uuid           primary key,
    claims_administrator_org varchar(100)   not null,
    url                      varchar(2000)  not null,
    secret                   varchar(200)   not null,
    created_at               timestamptz    not null,
    active                   boolean        not null default true,
    version                  bigint         not null default 0
);
create index webhook_subscription_org on webhook_subscription (claims_administrator_org) where active;

-- The public archive: one de-identified Final Determination per row, found by full-text search, never the case number.
create table archive_entry (
    reference            varchar(20)   primary key,
    case_number          varchar(16)   not null unique,
    determined_on        date          not null,
    year_of_injury       int,
    reviewer_specialty   varchar(100)  not null,
    text_body            text          not null,
    html                 text          not null,
    sha256               char(64)      not null,
    -- what the public searches: each treatment and its rationale, de-identified
    searchable           text          not null,
    search               tsvector      generated always as (to_tsvector('english', searchable)) stored
);
create index archive_entry_search on archive_entry using gin (search);
create index archive_entry_determined on archive_entry (determined_on desc, reference);

create table archive_item (
    reference       varchar(20)   not null references archive_entry (reference),
    item_number     int           not null,
    description     varchar(1000) not null,
    category        varchar(40)   not null,
    outcome         varchar(20)   not null,
    evidence_level  varchar(60)   not null,
    primary key (reference, item_number)
);
create index archive_item_filters on archive_item (category, outcome);

-- A public copy the detector stopped: it names no value, only which kinds of field leaked.
create table archive_hold (
    case_number  varchar(16)   primary key,
    held_at      timestamptz   not null,
    leaked_kinds varchar(1000) not null
);
