-- Priority zones (one EPCI each), their lifecycle history, consultation sites, solidarity missions,
-- intern placements, and the read models fed by other services' events.

create table priority_zone (
    id                        uuid primary key,
    epci_siren                varchar(9)   not null,
    epci_name                 varchar(200) not null,
    epci_type                 varchar(10)  not null,
    region_code               varchar(3)   not null,
    population                bigint,
    campaign                  varchar(60)  not null,
    status                    varchar(20)  not null,
    apl                       numeric(6, 2),
    vulnerability_index       numeric(10, 4),
    vulnerability_source      varchar(300),
    decision_date             date,
    decision_reference        varchar(200),
    target_days_per_month     numeric(6, 1),
    notes                     varchar(2000),
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    version                   bigint       not null
);
-- One EPCI is in at most one non-retired zone per campaign, even under concurrent designations.
create unique index priority_zone_one_live_per_campaign on priority_zone (campaign, epci_siren) where status <> 'RETIRED';
create index priority_zone_region on priority_zone (region_code, campaign, status);

create table zone_transition (
    id          bigserial primary key,
    zone_id     uuid         not null references priority_zone (id),
    from_status varchar(20),
    to_status   varchar(20)  not null,
    reason      varchar(1000),
    actor       varchar(200) not null,
    at          timestamptz  not null
);
create index zone_transition_zone on zone_transition (zone_id, id);

create table consultation_site (
    id                   uuid primary key,
    zone_id              uuid         not null references priority_zone (id),
    commune_code         varchar(5)   not null,
    name                 varchar(200) not null,
    kind                 varchar(40)  not null,
    address_line         varchar(300) not null,
    postal_code          varchar(5)   not null,
    rooms                integer      not null check (rooms > 0),
    step_free_access     boolean      not null,
    accessibility_notes  varchar(1000),
    contact_name         varchar(200),
    contact_phone        varchar(40),
    contact_email        varchar(200),
    status               varchar(20)  not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);
create index consultation_site_zone on consultation_site (zone_id);

create table solidarity_mission (
    id               uuid primary key,
    site_id          uuid          not null references consultation_site (id),
    zone_id          uuid          not null references priority_zone (id),
    doctor_rpps      varchar(11)   not null,
    doctor_name      varchar(200)  not null,
    mission_date     date          not null,
    slot             varchar(20)   not null,
    days             numeric(2, 1) not null,
    status           varchar(20)   not null,
    reason           varchar(1000),
    region_code      varchar(3)    not null,
    departement_code varchar(3)    not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null
);
create index solidarity_mission_doctor on solidarity_mission (doctor_rpps, mission_date);
create index solidarity_mission_site on solidarity_mission (site_id, mission_date);
create index solidarity_mission_zone on solidarity_mission (zone_id, mission_date);

create table intern_placement (
    id              uuid primary key,
    zone_id         uuid         not null references priority_zone (id),
    intern_id       varchar(60)  not null,
    faculty         varchar(200) not null,
    supervisor_rpps varchar(11)  not null,
    start_date      date         not null,
    end_date        date         not null,
    created_at      timestamptz  not null,
    version         bigint       not null,
    check (end_date >= start_date)
);
create index intern_placement_zone on intern_placement (zone_id, start_date);

-- Read model of referral-network-service's referenced doctors (referral.events.v1).
create table referenced_doctor (
    doctor_id      varchar(60) primary key,
    rpps           varchar(11),
    charter_status varchar(40) not null,
    updated_at     timestamptz not null
);
create table referenced_doctor_commune (
    doctor_id    varchar(60) not null references referenced_doctor (doctor_id) on delete cascade,
    commune_code varchar(5)  not null,
    primary key (doctor_id, commune_code)
);
create index referenced_doctor_commune_code on referenced_doctor_commune (commune_code);

-- Read model of partnership-service's crisis activations (partnership.events.v1).
create table crisis_activation (
    activation_id     varchar(60) primary key,
    plan              varchar(20) not null,
    departement_codes varchar(1000) not null,
    zone_ids          varchar(4000) not null,
    activated_at      timestamptz,
    stood_down_at     timestamptz
);
