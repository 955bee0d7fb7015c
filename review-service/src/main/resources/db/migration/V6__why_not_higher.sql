-- The evidence hierarchy (Labor Code 4610.5(c)(2)): a decision citing a level below MTUS says why each higher level
-- does not apply. Kept as JSON, {"MTUS": "...", ...}; empty for an MTUS decision.
alter table item_decision add column why_not_higher text not null default '{}';
