-- Generations of the directory, for the search cache (service/DirectoryCache): a counter per
-- département that every change able to alter a search result in that département increments, in
-- the same transaction as the change, plus '*' for changes that reach every département (priority
-- zones and crises, projected from other services' events). The change notifies civmil_directory at
-- commit; every replica then reads the counters again and stops serving the answers they outdate.
-- Counters only ever grow, so the sum of the counters in scope changes whenever any of them does.
create table directory_generation (
    scope      varchar(3) primary key,
    generation bigint     not null
);

-- Locks the rows in scope order, so that two transactions bumping the same départements in one
-- statement cannot deadlock. PostgreSQL folds identical notifications of a transaction into one.
create function directory_bump(scopes text[]) returns void language sql as $$
    insert into directory_generation as g (scope, generation)
    select s, 1 from (select distinct unnest(scopes) as s) d where s is not null order by s
    on conflict (scope) do update set generation = g.generation + 1;
    select pg_notify('civmil_directory', '') where cardinality(scopes) > 0;
$$;

-- Practice locations: the départements they leave, and every département where their doctors now
-- practise (a doctor's answer shows all of its locations, wherever it was found).
create function directory_bump_locations() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform directory_bump(array(select l.departement_code from practice_location l
                                     where l.doctor_id in (select doctor_id from added)));
    elsif tg_op = 'UPDATE' then
        perform directory_bump(array(select departement_code from removed
                                     union select l.departement_code from practice_location l
                                     where l.doctor_id in (select doctor_id from added union select doctor_id from removed)));
    else
        perform directory_bump(array(select departement_code from removed
                                     union select l.departement_code from practice_location l
                                     where l.doctor_id in (select doctor_id from removed)));
    end if;
    return null;
end $$;

create trigger directory_bump_locations_inserted after insert on practice_location
    referencing new table as added for each statement execute function directory_bump_locations();
create trigger directory_bump_locations_updated after update on practice_location
    referencing old table as removed new table as added for each statement execute function directory_bump_locations();
create trigger directory_bump_locations_deleted after delete on practice_location
    referencing old table as removed for each statement execute function directory_bump_locations();

-- Doctors: any column may show in a search result (capacity, charter, details, version). A new doctor
-- has no location yet (its locations bump their départements), a deleted one loses its locations by
-- cascade; an update bumps the départements where the doctor practises.
create function directory_bump_doctors() returns trigger language plpgsql as $$
begin
    perform directory_bump(array(select distinct l.departement_code from changed c
                                 join practice_location l on l.doctor_id = c.id));
    return null;
end $$;

create trigger directory_bump_doctors_updated after update on referenced_doctor
    referencing new table as changed for each statement execute function directory_bump_doctors();

-- Priority zones and crises flag doctors of many départements at once; they change rarely.
create function directory_bump_everywhere() returns trigger language plpgsql as $$
begin
    perform directory_bump(array['*']);
    return null;
end $$;

create trigger directory_bump_priority_zone after insert or update or delete on priority_zone
    for each statement execute function directory_bump_everywhere();
create trigger directory_bump_priority_zone_commune after insert or update or delete on priority_zone_commune
    for each statement execute function directory_bump_everywhere();
create trigger directory_bump_crisis_activation after insert or update or delete on crisis_activation
    for each statement execute function directory_bump_everywhere();
create trigger directory_bump_crisis_departement after insert or update or delete on crisis_departement
    for each statement execute function directory_bump_everywhere();
