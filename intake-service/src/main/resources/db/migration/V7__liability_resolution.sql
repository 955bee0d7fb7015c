-- A deferred case waits until liability is resolved: then it goes to review, or is closed as ineligible.
alter table imr_case
    add column liability_resolved_at    timestamptz,
    add column liability_resolved_date  date,
    add column liability_accepted       boolean;
