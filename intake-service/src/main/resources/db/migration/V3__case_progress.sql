-- What the claims administrator can follow after intake: the due date once assigned, and when the letter went out.
alter table imr_case add column determination_due_date date;
alter table imr_case add column letter_issued_at timestamptz;
