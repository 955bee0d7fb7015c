-- The maker of a disputed drug or device, by identifier: assignment checks reviewers' affiliations against it.
alter table disputed_item add column manufacturer_id varchar(100);
