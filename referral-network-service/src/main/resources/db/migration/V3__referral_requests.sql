-- Referral requests of relocated military households. The household is known only through the
-- CNMSS's opaque case reference: no name, no social-security number, no address is stored.

create table referral_request (
    id                           uuid primary key,
    case_reference               varchar(64)  not null,
    destination_commune_code     varchar(5)   not null,
    destination_departement_code varchar(3)   not null,
    destination_epci_siren       varchar(9),
    destination_region_code      varchar(3)   not null,
    relocation_date              date         not null,
    household_size               integer      not null check (household_size between 1 and 20),
    needs                        varchar(400) not null,
    status                       varchar(16)  not null,
    status_reason                varchar(500),
    created_at                   timestamptz  not null default now(),
    expires_at                   timestamptz  not null,
    assigned_doctor_id           uuid references referenced_doctor (id),
    assigned_at                  timestamptz,
    ended_at                     timestamptz,
    version                      bigint       not null default 0
);
-- One live request per CNMSS case.
create unique index referral_request_live_case_idx on referral_request (case_reference)
    where status in ('OPEN', 'PROPOSED', 'ASSIGNED');
create index referral_request_status_expiry_idx on referral_request (status, expires_at);
create index referral_request_departement_idx on referral_request (destination_departement_code, status);

-- The ranked candidates last proposed for a request, with the reasons of each rank.
create table referral_proposal (
    request_id         uuid         not null references referral_request (id) on delete cascade,
    rank               integer      not null,
    doctor_id          uuid         not null references referenced_doctor (id),
    proximity          varchar(24)  not null,
    capacity_confirmed boolean      not null,
    remaining_places   integer      not null,
    reasons            varchar(2000) not null,
    primary key (request_id, rank)
);

-- Audit trail: every read of a referral request (who, when, which request, which HTTP request).
create table referral_request_read (
    id              bigserial primary key,
    read_at         timestamptz  not null default now(),
    reader          varchar(200) not null,
    request_id      uuid         not null,
    http_request_id varchar(200) not null,
    operation       varchar(40)  not null
);
create index referral_request_read_request_idx on referral_request_read (request_id, id);
create index referral_request_read_time_idx on referral_request_read (read_at, id);
