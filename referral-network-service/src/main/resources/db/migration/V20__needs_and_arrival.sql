-- Needs-based matching (issue 12): a request lists its needs, each a specialty for a number of the household's
-- people; an assignment is per need and takes as many places as the people it covers. The request expires from the
-- household's expected arrival when it is known.

create table referral_need (
    request_id         uuid        not null references referral_request (id) on delete cascade,
    specialty          varchar(40) not null,
    people             integer     not null check (people between 1 and 20),
    assigned_doctor_id uuid        references referenced_doctor (id),
    assigned_at        timestamptz,
    primary key (request_id, specialty)
);
create index referral_need_doctor_idx on referral_need (assigned_doctor_id) where assigned_doctor_id is not null;

-- Requests registered before: each listed specialty becomes a need of one person (one place was the rule), and the
-- assigned doctor holds the need of his specialty, or the first one.
insert into referral_need (request_id, specialty, people)
select r.id, s.specialty, 1 from referral_request r, unnest(string_to_array(r.needs, ',')) as s (specialty)
on conflict do nothing;
update referral_need n set assigned_doctor_id = r.assigned_doctor_id, assigned_at = r.assigned_at
from referral_request r
where r.id = n.request_id and r.assigned_doctor_id is not null
  and n.specialty = coalesce((select d.specialty from referenced_doctor d
                              where d.id = r.assigned_doctor_id and d.specialty = any (string_to_array(r.needs, ','))),
                             split_part(r.needs, ',', 1));

alter table referral_request drop column needs;
alter table referral_request drop column assigned_doctor_id;
alter table referral_request add column expected_arrival_date date;
alter table referral_request alter column status type varchar(20);

drop index referral_request_live_case_idx;
create unique index referral_request_live_case_idx on referral_request (case_reference)
    where status in ('OPEN', 'PROPOSED', 'PARTIALLY_ASSIGNED', 'ASSIGNED');

-- Proposals are made per need and ranked within it.
alter table referral_proposal add column need varchar(40);
update referral_proposal p set need = d.specialty from referenced_doctor d where d.id = p.doctor_id;
alter table referral_proposal alter column need set not null;
alter table referral_proposal drop constraint referral_proposal_pkey;
update referral_proposal p set rank = ranked.rank_in_need
from (select request_id, rank, row_number() over (partition by request_id, need order by rank) as rank_in_need
      from referral_proposal) ranked
where ranked.request_id = p.request_id and ranked.rank = p.rank;
alter table referral_proposal add primary key (request_id, need, rank);
