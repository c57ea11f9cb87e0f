-- Every status a commitment took, who gave it, when and why: an annual review takes each commitment's status at
-- the end of its year from here.
create table commitment_status_change (
    id uuid primary key,
    commitment_id uuid not null references commitment (id),
    from_status varchar(20),
    to_status varchar(20) not null,
    reason varchar(2000),
    changed_by varchar(200) not null,
    changed_at timestamptz not null
);
create index commitment_status_change_commitment on commitment_status_change (commitment_id, changed_at);

-- Commitments created before the history: their creation, and their present status from their last update.
insert into commitment_status_change (id, commitment_id, from_status, to_status, reason, changed_by, changed_at)
select gen_random_uuid(), id, null, 'PLANNED', null, 'migration', created_at from commitment;
insert into commitment_status_change (id, commitment_id, from_status, to_status, reason, changed_by, changed_at)
select gen_random_uuid(), id, 'PLANNED', status, status_reason, 'migration', updated_at from commitment where status <> 'PLANNED';
