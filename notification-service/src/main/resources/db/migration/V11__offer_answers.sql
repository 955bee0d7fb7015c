-- The reviewers' card reads how each reviewer answered offers (offer-accepted, offer-declined) from the events.
create index operations_event_offer_answers on operations_event (event_type, reviewer_id, case_number);
