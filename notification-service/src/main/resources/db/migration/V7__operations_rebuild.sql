-- A rebuild of the operations view from the start of every topic (ProjectionRebuild). One row: the last rebuild.
-- A rebuild still marked running when the service starts was cut short by a crash, and is started again.
create table operations_rebuild (
    id               smallint     primary key check (id = 1),
    requested_by     varchar(64)  not null,
    started_at       timestamptz  not null,
    finished_at      timestamptz,
    version          bigint       not null default 0
);
