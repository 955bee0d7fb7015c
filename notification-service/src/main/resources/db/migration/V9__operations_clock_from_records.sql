-- The determination's clock now starts when the medical records are complete or their deadline passed
-- (records-received, deadline-reached RECORDS), no longer at receipt; the due date is the one told last by
-- records-received, deadline-reached or case-converted-to-expedited, ordered by when the event that told it happened.
alter table operations_case add column due_date_told_at timestamptz;

-- The starts kept so far were receipts, not the start DWC counts from; cases from before the full lifecycle have none.
-- Their due dates (from reviewer-assigned) stay, untimed: any due date told from now on replaces them.
update operations_case set clock_started_at = null;
