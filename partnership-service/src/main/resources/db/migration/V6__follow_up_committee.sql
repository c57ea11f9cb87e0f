-- The follow-up committee of a contract: its meetings (who attended for which party, the minutes), the decisions
-- it takes on commitments (each linked from the commitment's status history), and the two parties' sign-off of
-- the minutes. Signatures (minutes and annual reviews) name the contract's signatory who signed, besides the caller.
create table committee_meeting (
    id uuid primary key,
    contract_id uuid not null references contract (id),
    held_on date not null,
    kind varchar(20) not null,
    place varchar(300),
    attendees jsonb not null,
    minutes varchar(20000),
    ssa_signed_by varchar(200),
    ssa_signed_at timestamptz,
    ssa_signatory varchar(200),
    ssa_signatory_function varchar(300),
    ars_signed_by varchar(200),
    ars_signed_at timestamptz,
    ars_signatory varchar(200),
    ars_signatory_function varchar(300),
    version bigint not null,
    created_by varchar(200) not null,
    created_at timestamptz not null
);
create index committee_meeting_contract on committee_meeting (contract_id, held_on);

create table committee_decision (
    id uuid primary key,
    meeting_id uuid not null references committee_meeting (id),
    commitment_id uuid not null references commitment (id),
    to_status varchar(20) not null,
    text varchar(4000) not null,
    decided_by varchar(200) not null,
    created_at timestamptz not null
);
create index committee_decision_meeting on committee_decision (meeting_id, created_at);

alter table commitment_status_change add column decision_id uuid references committee_decision (id);

alter table annual_review add column ssa_signatory varchar(200);
alter table annual_review add column ssa_signatory_function varchar(300);
alter table annual_review add column ars_signatory varchar(200);
alter table annual_review add column ars_signatory_function varchar(300);
