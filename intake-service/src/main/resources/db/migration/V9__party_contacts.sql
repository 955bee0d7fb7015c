-- Each party's contact: notification addresses and delivers the case's documents to them.
alter table imr_case
    add column employee_email varchar(254),
    add column employee_address varchar(500),
    add column representative_email varchar(254),
    add column representative_address varchar(500),
    add column employer_email varchar(254),
    add column employer_address varchar(500),
    add column claims_administrator_email varchar(254),
    add column claims_administrator_address varchar(500),
    add column requesting_physician_email varchar(254),
    add column requesting_physician_address varchar(500);
