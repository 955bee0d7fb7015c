-- Optimistic locking: two determinations for one case may arrive at once; exactly one wins.
alter table review add column version bigint not null default 0;

-- The disputed items as rows, not a JSON text.
create table review_item (
    case_number  varchar(16)   not null references review (case_number),
    item_number  int           not null,
    description  varchar(1000) not null,
    category     varchar(40)   not null,
    icd10_code   varchar(10),
    primary key (case_number, item_number)
);
insert into review_item (case_number, item_number, description, category, icd10_code)
select r.case_number, (i ->> 'itemNumber')::int, i ->> 'description', i ->> 'category', i ->> 'icd10Code'
from review r, jsonb_array_elements(r.disputed_items::jsonb) as i;
alter table review drop column disputed_items;
