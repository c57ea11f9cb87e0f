-- Practice locations are part of their doctor: keyed by (doctor, position), no identifier of their
-- own; one index fewer to maintain per location on a bulk import.
alter table practice_location drop constraint practice_location_pkey;
alter table practice_location drop column id;
alter table practice_location add primary key (doctor_id, position);
drop index practice_location_doctor_idx;

-- The directory's search rows: one per doctor and département where the doctor practises, carrying
-- the doctor's filter and sort columns. A search by département (the CNMSS' usual question) then
-- reads one index range of a few hundred rows, instead of joining 100,000 doctors to their practice
-- locations. Statement-level triggers keep it in step with every write path (API, bulk import,
-- assignments), set-based so that an import of 100,000 rows pays one statement, not 100,000. No
-- foreign key (it would cost a lookup per row): the entries follow the practice locations, which
-- cascade from their doctor, and the location triggers remove the entries with them.
create table directory_entry (
    doctor_id              uuid         not null,
    departement_code       varchar(3)   not null,
    specialty              varchar(48)  not null,
    accepting_new_patients boolean      not null,
    charter_status         varchar(24)  not null,
    teleconsultation       boolean      not null,
    remaining_places       integer      not null,
    capacity_confirmed_on  date         not null,
    search_name            varchar(210) not null,
    rpps                   varchar(11)  not null,
    created_at             timestamptz  not null,
    primary key (doctor_id, departement_code)
);
-- Covering the default order, so the usual search is an index-only scan (the import vacuums the table
-- so that the visibility map allows it).
create index directory_entry_search_idx on directory_entry (departement_code, specialty, accepting_new_patients, charter_status)
    include (capacity_confirmed_on, search_name, doctor_id);

create function directory_entry_sync_locations() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        delete from directory_entry e using removed r
        where e.doctor_id = r.doctor_id and e.departement_code = r.departement_code
          and not exists (select 1 from practice_location l
                          where l.doctor_id = r.doctor_id and l.departement_code = r.departement_code);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into directory_entry (doctor_id, departement_code, specialty, accepting_new_patients, charter_status,
                                     teleconsultation, remaining_places, capacity_confirmed_on, search_name, rpps, created_at)
        select d.id, a.departement_code, d.specialty, d.accepting_new_patients,
               d.charter_status, d.teleconsultation, d.remaining_places, d.capacity_confirmed_on, d.search_name, d.rpps,
               d.created_at
        from added a join referenced_doctor d on d.id = a.doctor_id
        on conflict (doctor_id, departement_code) do nothing;
    end if;
    return null;
end $$;

-- A trigger with transition tables serves one event, hence three triggers on the same function.
create trigger directory_entry_locations_inserted after insert on practice_location
    referencing new table as added for each statement execute function directory_entry_sync_locations();
create trigger directory_entry_locations_updated after update on practice_location
    referencing old table as removed new table as added for each statement execute function directory_entry_sync_locations();
create trigger directory_entry_locations_deleted after delete on practice_location
    referencing old table as removed for each statement execute function directory_entry_sync_locations();

create function directory_entry_sync_doctors() returns trigger language plpgsql as $$
begin
    update directory_entry e
    set specialty = d.specialty, accepting_new_patients = d.accepting_new_patients, charter_status = d.charter_status,
        teleconsultation = d.teleconsultation, remaining_places = d.remaining_places,
        capacity_confirmed_on = d.capacity_confirmed_on, search_name = d.search_name, rpps = d.rpps
    from changed d
    where e.doctor_id = d.id
      and (e.specialty, e.accepting_new_patients, e.charter_status, e.teleconsultation, e.remaining_places,
           e.capacity_confirmed_on, e.search_name, e.rpps)
          is distinct from
          (d.specialty, d.accepting_new_patients, d.charter_status, d.teleconsultation, d.remaining_places,
           d.capacity_confirmed_on, d.search_name, d.rpps);
    return null;
end $$;

create trigger directory_entry_doctors_updated after update on referenced_doctor
    referencing new table as changed for each statement execute function directory_entry_sync_doctors();

insert into directory_entry (doctor_id, departement_code, specialty, accepting_new_patients, charter_status, teleconsultation,
                             remaining_places, capacity_confirmed_on, search_name, rpps, created_at)
select d.id, l.departement_code, d.specialty, d.accepting_new_patients, d.charter_status,
       d.teleconsultation, d.remaining_places, d.capacity_confirmed_on, d.search_name, d.rpps, d.created_at
from practice_location l join referenced_doctor d on d.id = l.doctor_id
on conflict (doctor_id, departement_code) do nothing;

-- Lookups by area (search, proposals, coverage) now start from directory_entry: a commune or an
-- EPCI gives its département(s) from the reference geography, then the locations are read by doctor.
-- Without an area, the name index serves the default order better than the filter index did.
drop index practice_location_departement_idx;
drop index practice_location_commune_idx;
drop index practice_location_epci_idx;
drop index referenced_doctor_filter_idx;
