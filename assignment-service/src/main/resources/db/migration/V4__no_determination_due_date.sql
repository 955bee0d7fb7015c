-- The determination's clock starts when the medical records are complete, which assignment never learns: the due
-- date it used to compute from the receipt date was wrong, and is no longer kept (intake and review carry it).
alter table case_assignment drop column determination_due_date;
