-- A withdrawal (imr.case-withdrawn) closes a case from whatever stage it stood at, and its event does not say which:
-- the view records the stage each event took its case out of, so that the pipeline counts withdrawals in the rate
-- out of the stage they left. Stages are names; WITHDRAWN fits the existing varchar(20).
alter table operations_event add column stage_left varchar(20);
