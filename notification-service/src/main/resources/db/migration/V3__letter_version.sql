-- Optimistic locking for the letter, which deliveries and the public copy will update. One letter per case is the
-- unique case_number: of two consumers racing to issue it, one inserts and the other retries and finds it.
alter table letter add column version bigint not null default 0;
