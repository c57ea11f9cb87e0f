-- Referenced doctors (CNMSS "charte d'entente"), their practice locations and charter history,
-- plus the projections this service keeps of other services' events.

-- Trigram index for the name search; pg_trgm is a trusted extension shipped with PostgreSQL's contrib.
create extension if not exists pg_trgm;

create table referenced_doctor (
    id                     uuid primary key,
    rpps                   varchar(11)  not null,
    last_name              varchar(100) not null,
    first_name             varchar(100) not null,
    -- "last first", lower case without accents: what the name search matches
    search_name            varchar(210) not null,
    profession             varchar(32)  not null,
    specialty              varchar(48)  not null,
    phone                  varchar(20),
    teleconsultation       boolean      not null,
    languages              varchar(200) not null,
    accepting_new_patients boolean      not null,
    remaining_places       integer      not null check (remaining_places >= 0),
    capacity_confirmed_on  date         not null,
    charter_status         varchar(24)  not null,
    charter_signed_on      date,
    charter_status_since   date         not null,
    charter_reason         varchar(500),
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now(),
    version                bigint       not null default 0,
    constraint referenced_doctor_rpps_key unique (rpps)
);
create index referenced_doctor_filter_idx on referenced_doctor (specialty, accepting_new_patients, charter_status);
create index referenced_doctor_name_idx on referenced_doctor (search_name, id);
create index referenced_doctor_name_trgm_idx on referenced_doctor using gin (search_name gin_trgm_ops);

create table practice_location (
    id               uuid primary key,
    doctor_id        uuid         not null references referenced_doctor (id) on delete cascade,
    position         integer      not null,
    address          varchar(300) not null,
    postal_code      varchar(5)   not null,
    commune_code     varchar(5)   not null,
    departement_code varchar(3)   not null,
    epci_siren       varchar(9),
    region_code      varchar(3)   not null
);
create index practice_location_doctor_idx on practice_location (doctor_id);
create index practice_location_departement_idx on practice_location (departement_code, doctor_id);
create index practice_location_commune_idx on practice_location (commune_code, doctor_id);
create index practice_location_epci_idx on practice_location (epci_siren, doctor_id);

create table charter_event (
    id           bigserial primary key,
    doctor_id    uuid         not null references referenced_doctor (id) on delete cascade,
    from_status  varchar(24),
    to_status    varchar(24)  not null,
    reason       varchar(500),
    effective_on date         not null,
    recorded_at  timestamptz  not null default now(),
    recorded_by  varchar(200) not null
);
create index charter_event_doctor_idx on charter_event (doctor_id, id);

-- Projection of zones.events.v1: priority zones and their member communes.
create table priority_zone (
    zone_id    uuid primary key,
    epci_siren varchar(9),
    status     varchar(32) not null,
    updated_at timestamptz not null default now()
);
create table priority_zone_commune (
    zone_id      uuid       not null references priority_zone (zone_id) on delete cascade,
    commune_code varchar(5) not null,
    primary key (zone_id, commune_code)
);
create index priority_zone_commune_code_idx on priority_zone_commune (commune_code);

-- Projection of partnership.events.v1: ORSAN crisis activations not yet stood down.
create table crisis_activation (
    activation_id uuid primary key,
    plan          varchar(16) not null,
    activated_at  timestamptz
);
create table crisis_departement (
    activation_id    uuid       not null references crisis_activation (activation_id) on delete cascade,
    departement_code varchar(3) not null,
    primary key (activation_id, departement_code)
);
create index crisis_departement_code_idx on crisis_departement (departement_code);
