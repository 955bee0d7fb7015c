create table letter (
    letter_id      uuid         primary key,
    case_number    varchar(16)  not null unique,
    kind           varchar(40)  not null,
    issued_at      timestamptz  not null,
    item_count     int          not null,
    overturned     int          not null,
    body           text         not null
);

create index letter_issued on letter (issued_at desc);
